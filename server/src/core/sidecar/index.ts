/** The sidecar store: tags saved as `<article>.annotations.json` beside `<article>.txt`. */
export { SidecarError } from './errors';
export { parseSidecar } from './parse';
export { isSidecarPath, sidecarPathFor } from './paths';
export {
  CONTEXT_LENGTH,
  SIDECAR_VERSION,
  SidecarSchema,
  TAG_SOURCES,
  TAG_STATUSES,
  TagSchema,
  type Sidecar,
  type Tag,
  type TagContext,
  type TagSource,
  type TagStatus,
  type TagValue,
} from './schema';
export { compareTags, serializeSidecar } from './serialize';
export { SidecarStore, type LoadedSidecar } from './store';
export { newTag, tagId, type NewTagOptions } from './tags';
