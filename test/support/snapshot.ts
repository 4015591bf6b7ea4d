import type { Manifest } from '../../src/domain/manifest.js';
import type { Tombstone } from '../../src/domain/tombstone.js';
import { buildSnapshot, type CatalogueSnapshot } from '../../src/services/catalogue/catalogue.js';
import { listed } from './manifest-factory.js';

/** The snapshot the catalogue would hold for these whole manifests (each as its listing). */
export function snapshotOf(manifests: readonly Manifest[], unreadable: readonly string[] = [], tombstones: readonly Tombstone[] = []): CatalogueSnapshot {
  return buildSnapshot(manifests.map(listed), unreadable, tombstones);
}
