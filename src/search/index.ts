/**
 * The directory search, as a small pure API (no Vue, no Dexie, no worker), for the app's worker
 * and for `npm run bench`:
 *
 *   const index = createDirectoryIndex(members, { institutionId, facultyNames })
 *   const { hits, total, fuzzy } = search(index, 'confocl micro', { canTeach: true })
 *   naiveSearch(members, 'confocal', {})   // the baseline: a full scan per keystroke
 */
export {
  createDirectoryIndex,
  exportIndex,
  importIndex,
  INDEX_FORMAT,
  isListed,
  search,
  staleSlots,
  updateDirectoryIndex,
} from './directory-index'
export type {
  DirectoryField,
  DirectoryFilters,
  DirectoryHit,
  DirectoryIndex,
  DirectoryIndexOptions,
  DirectoryResult,
  IndexableMember,
  SkillLevel,
  StoredIndex,
} from './directory-index'
export { naiveSearch } from './naive'
export { boundedDistance, allowedEdits } from './fuzzy'
