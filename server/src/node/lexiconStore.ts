import { resolve } from 'node:path';
import { LexiconStore as StoreOnFiles } from '../core/lexicon/lexiconStore';
import type { Lexicon } from '../core/lexicon/lexicon';
import { nodeFiles } from './nodeFiles';

/** The core's lexicon store on Node's file system (see core/lexicon/lexiconStore.ts), paths made absolute first. */
export class LexiconStore extends StoreOnFiles {
  constructor() {
    super(nodeFiles);
  }

  override read(path: string): Promise<Lexicon> {
    return super.read(resolve(path));
  }

  override update(path: string, change: (lexicon: Lexicon) => void): Promise<Lexicon> {
    return super.update(resolve(path), change);
  }
}
