/**
 * The two writes a member makes to their notifications: marking them read (the only field a
 * client may change; the server writes everything else) and saving their preferences. Both go
 * through the collections' repositories, so each is a document + outbox row in one transaction.
 */
import { isUnread, PREFS_ID, type NotificationPrefs } from '@/domain/notifications'
import { repos as defaultRepos, type Repos } from './repos'
import { reads as defaultReads, type Reads } from './read'

export interface NotificationWritesOptions {
  repos?: Repos
  reads?: Reads
  now?: () => number
}

type PrefsFields = Pick<NotificationPrefs, 'kinds' | 'quiet' | 'timeZone'>

/** Notification writes over a database (tests pass their own repos and readers). */
export function createNotificationWrites(options: NotificationWritesOptions = {}) {
  const repos = options.repos ?? defaultRepos
  const reads = options.reads ?? defaultReads
  const now = options.now ?? Date.now
  return { markRead, markAllRead, savePrefs }

  /** Marks these notifications read (those already read keep their first time). Returns how many changed. */
  async function markRead(ids: readonly string[]): Promise<number> {
    const unread = (await reads.notifications.getMany(ids)).filter(isUnread)
    for (const n of unread) await repos.notifications.patch(n.id, { readAt: now() })
    return unread.length
  }

  /** Marks every unread notification read. */
  async function markAllRead(): Promise<number> {
    return markRead((await reads.notifications.all()).filter(isUnread).map((n) => n.id))
  }

  /** Saves the preferences: only what changed is sent, so two devices' choices for different kinds both hold. */
  async function savePrefs(next: PrefsFields): Promise<void> {
    const current = await reads.notificationPrefs.get(PREFS_ID)
    if (!current) {
      await repos.notificationPrefs.create(next, PREFS_ID)
      return
    }
    await repos.notificationPrefs.patchFrom(PREFS_ID, current, next)
  }
}

export const notificationWrites = createNotificationWrites()
