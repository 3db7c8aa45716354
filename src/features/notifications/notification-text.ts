import type { Notification } from '@/domain/notifications'
import { formatDateIn } from '@/ui/format'

/** vue-i18n's `t` as the wording needs it (named parameters, or a plural count). */
export type Translate = (key: string, named?: Record<string, unknown> | number) => string

const RAG = new Set(['red', 'amber', 'green'])
const STEPS = new Set(['eligibility', 'mentor', 'evidence', 'report', 'submit', 'assessment', 'outcome', 'renewal'])

/**
 * A notification in words, in the language shown (`locale`): its kind's message from
 * `notifications.message.*`, filled with its parameters. Codes among the parameters (a RAG status,
 * a registration step, an idea's outcome) are worded too; a missing name reads "A colleague".
 */
export function notificationText(n: Pick<Notification, 'kind' | 'params'>, t: Translate, locale: string): string {
  const p = n.params
  const str = (key: string) => (typeof p[key] === 'string' || typeof p[key] === 'number' ? String(p[key]) : '')
  const name = str('name') || t('notifications.message.someone')
  const title = (locale === 'cy' && str('titleCy')) || str('title')
  switch (n.kind) {
    case 'request.received':
    case 'request.accepted':
    case 'request.declined':
    case 'request.completed':
      return t(`notifications.message.${n.kind}`, { name, skill: str('skill') })
    case 'survey.opened':
      return typeof p.count === 'number'
        ? t('notifications.message.survey.digest', p.count)
        : t('notifications.message.survey.opened', { title })
    case 'survey.closing':
      return t('notifications.message.survey.closing', { title, date: str('closesAt') ? formatDateIn(locale, str('closesAt')) : '' })
    case 'idea.responded': {
      const outcome = p.status === 'adopted' || p.status === 'declined' ? p.status : 'responded'
      return t(`notifications.message.idea.${outcome}`, { title })
    }
    case 'comment.reply':
      return t('notifications.message.comment.reply', { name, title })
    case 'action.rag':
      return t('notifications.message.action.rag', {
        code: str('code'),
        status: RAG.has(str('status')) ? t(`notifications.rag.${str('status')}`) : str('status'),
      })
    case 'cpd.milestone':
      return t('notifications.message.cpd.milestone')
    case 'registration.milestone':
      return t('notifications.message.registration.milestone', {
        target: str('target'),
        step: STEPS.has(str('step')) ? t(`notifications.step.${str('step')}`) : str('step'),
      })
    default:
      return t('notifications.message.unknown')
  }
}

/** Only a path inside the app is followed (a notification never sends anyone to another site). */
export function safeLink(link: string): string {
  return /^\/(?!\/)/.test(link) ? link : '/inbox'
}
