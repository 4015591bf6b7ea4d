import { normalize } from '@iiif/parser';
import { presentation3StrictUpgrade } from '@iiif/parser/strict';

/**
 * A IIIF Presentation 3 document read by a real IIIF library (@iiif/parser, what Clover, Theseus
 * and the Canopy viewers read manifests with): its strict upgrader lists what it had to repair
 * (a missing type, a label that is not a language map…), its normalizer the entities a viewer
 * sees. A conforming document needs no repair.
 */
export interface ParsedIiif {
  repairs: string[];
  entities: ReturnType<typeof normalize>['entities'];
  resource: ReturnType<typeof normalize>['resource'];
}

export function parseIiif(document: unknown): ParsedIiif {
  const copy = JSON.parse(JSON.stringify(document)) as Parameters<typeof presentation3StrictUpgrade>[0];
  const state = { warnings: [] as string[] };
  presentation3StrictUpgrade(copy, state);
  const { entities, resource } = normalize(JSON.parse(JSON.stringify(document)));
  return { repairs: state.warnings, entities, resource };
}
