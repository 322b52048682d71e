import { resolve } from 'node:path';
import { SidecarStore as StoreOnFiles, type LoadedSidecar, type SidecarStoreOptions } from '../core/sidecar/sidecarStore';
import { blockingNodeFiles, nodeFiles } from './nodeFiles';

export type { LoadedSidecar };

/**
 * The core's sidecar store on Node's file system: queued, locked, validated, atomic (see
 * core/sidecar/sidecarStore.ts). Paths are made absolute first, so that one file is one queue
 * whichever way a caller names it.
 */
export class SidecarStore extends StoreOnFiles {
  /** `blocking`: read with blocking calls (blockingNodeFiles), for a worker thread. */
  constructor(options: SidecarStoreOptions & { blocking?: boolean } = {}) {
    const { blocking, ...rest } = options;
    super(blocking ? blockingNodeFiles : nodeFiles, rest);
  }

  override read(articlePath: string): ReturnType<StoreOnFiles['read']> {
    return super.read(resolve(articlePath));
  }

  override update(articlePath: string, mutate: Parameters<StoreOnFiles['update']>[1]): ReturnType<StoreOnFiles['update']> {
    return super.update(resolve(articlePath), mutate);
  }

  override updateTags(articlePath: string, changesFor: Parameters<StoreOnFiles['updateTags']>[1]): ReturnType<StoreOnFiles['updateTags']> {
    return super.updateTags(resolve(articlePath), changesFor);
  }
}
