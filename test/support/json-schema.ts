/**
 * A small JSON Schema (2020-12 subset) checker for the API's conformance tests: enough for the
 * keywords openapi-schemas.ts uses ($ref, anyOf, type, enum, properties, required,
 * additionalProperties, propertyNames, items, format uri, minimum/maximum, pattern). Returns
 * every mismatch with its path, so a failing test says which field drifted.
 */
type Schema = Record<string, unknown>;

export function checkSchema(schema: Schema, value: unknown, root: { components: { schemas: Record<string, unknown> } }, path = '$'): string[] {
  if (typeof schema.$ref === 'string') {
    const name = schema.$ref.replace('#/components/schemas/', '');
    const target = root.components.schemas[name];
    if (!target) return [`${path}: unresolved $ref ${schema.$ref}`];
    return checkSchema(target as Schema, value, root, path);
  }
  if (Array.isArray(schema.anyOf)) {
    const attempts = (schema.anyOf as Schema[]).map((option) => checkSchema(option, value, root, path));
    if (attempts.some((errors) => errors.length === 0)) return [];
    return [`${path}: matches none of anyOf (${attempts.map((e) => e[0]).join(' | ')})`];
  }
  const errors: string[] = [];
  if (schema.type !== undefined) {
    const types = Array.isArray(schema.type) ? (schema.type as string[]) : [schema.type as string];
    if (!types.some((type) => isType(type, value))) return [`${path}: expected ${types.join('|')}, got ${JSON.stringify(value)?.slice(0, 80)}`];
  }
  if (Array.isArray(schema.enum) && !schema.enum.includes(value)) errors.push(`${path}: ${JSON.stringify(value)} not in enum`);
  if (typeof value === 'string') {
    if (schema.format === 'uri' && !/^[a-z][a-z0-9+.-]*:/i.test(value)) errors.push(`${path}: "${value}" is not an absolute URI`);
    if (typeof schema.pattern === 'string' && !new RegExp(schema.pattern, 'u').test(value)) errors.push(`${path}: "${value}" does not match ${schema.pattern}`);
  }
  if (typeof value === 'number') {
    if (typeof schema.minimum === 'number' && value < schema.minimum) errors.push(`${path}: ${value} < ${schema.minimum}`);
    if (typeof schema.maximum === 'number' && value > schema.maximum) errors.push(`${path}: ${value} > ${schema.maximum}`);
  }
  if (Array.isArray(value) && schema.items) value.forEach((item, i) => errors.push(...checkSchema(schema.items as Schema, item, root, `${path}[${i}]`)));
  if (isType('object', value)) {
    const object = value as Record<string, unknown>;
    const properties = (schema.properties ?? {}) as Record<string, Schema>;
    for (const name of (schema.required ?? []) as string[]) if (!(name in object)) errors.push(`${path}: missing required "${name}"`);
    for (const [name, child] of Object.entries(object)) {
      const names = schema.propertyNames as Schema | undefined;
      if (names && Array.isArray(names.enum) && !names.enum.includes(name)) errors.push(`${path}: property name "${name}" not allowed`);
      if (properties[name]) errors.push(...checkSchema(properties[name], child, root, `${path}.${name}`));
      else if (schema.additionalProperties === false) errors.push(`${path}: undocumented property "${name}"`);
      else if (typeof schema.additionalProperties === 'object') errors.push(...checkSchema(schema.additionalProperties as Schema, child, root, `${path}.${name}`));
    }
  }
  return errors;
}

function isType(type: string, value: unknown): boolean {
  switch (type) {
    case 'null': return value === null;
    case 'array': return Array.isArray(value);
    case 'object': return typeof value === 'object' && value !== null && !Array.isArray(value);
    case 'integer': return Number.isInteger(value);
    case 'number': return typeof value === 'number' && Number.isFinite(value);
    default: return typeof value === type;
  }
}

/** The schema an operation documents for a status and media type (following a shared response's $ref). */
export function responseSchema(
  doc: { paths: Record<string, Record<string, unknown>>; components: { responses: Record<string, unknown> } },
  path: string,
  status: number,
  type = 'application/json',
): Schema {
  type Response = { $ref?: string; content?: Record<string, { schema: Schema }> };
  const operation = doc.paths[path]?.get as { responses: Record<string, Response> } | undefined;
  let response = operation?.responses[String(status)];
  if (response?.$ref) response = doc.components.responses[response.$ref.replace('#/components/responses/', '')] as Response | undefined;
  const schema = response?.content?.[type]?.schema;
  if (!schema) throw new Error(`no documented ${status} ${type} answer for GET ${path}`);
  return schema;
}
