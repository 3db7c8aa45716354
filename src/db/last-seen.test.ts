// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest'
import { LAST_SEEN_CSS_KEY, clearLastSeen, readLastSeen, saveLastSeen, type LastSeen } from './last-seen'

const picture = (b: string, h: string, c: string[] = []): LastSeen => ({ b, l: 'en-GB', h, c })
const css = () => JSON.parse(localStorage.getItem(LAST_SEEN_CSS_KEY) ?? 'null') as { b: string; sheets: Record<string, string> } | null

afterEach(() => {
  vi.restoreAllMocks()
  localStorage.clear()
})

describe('last-seen pictures on this device', () => {
  it('keeps a page’s picture with the stylesheets it was drawn with, once each', () => {
    saveLastSeen('plan', picture('b1', '<h1>Plan</h1>', ['/a.css', '/plan.css']), {
      '/a.css': 'a{}',
      '/plan.css': '.p{}',
      '/other.css': 'o{}',
    })
    saveLastSeen('cpd', picture('b1', '<h1>CPD</h1>', ['/a.css', '/cpd.css']), { '/a.css': 'a{}', '/cpd.css': '.c{}' })
    expect(readLastSeen('plan')?.h).toBe('<h1>Plan</h1>')
    expect(readLastSeen('cpd')?.c).toEqual(['/a.css', '/cpd.css'])
    // Only sheets some picture uses, each kept once.
    expect(css()).toEqual({ b: 'b1', sheets: { '/a.css': 'a{}', '/plan.css': '.p{}', '/cpd.css': '.c{}' } })
  })

  it('drops the pictures and sheets of an older build when a new one takes a picture', () => {
    saveLastSeen('plan', picture('old', '<h1>Plan</h1>', ['/plan-old.css']), { '/plan-old.css': '.p{}' })
    saveLastSeen('cpd', picture('new', '<h1>CPD</h1>', ['/cpd.css']), { '/cpd.css': '.c{}' })
    expect(readLastSeen('plan')).toBeNull()
    expect(css()).toEqual({ b: 'new', sheets: { '/cpd.css': '.c{}' } })
  })

  it('clears every picture and the sheets', () => {
    saveLastSeen('plan', picture('b1', '<h1>Plan</h1>', ['/a.css']), { '/a.css': 'a{}' })
    saveLastSeen('home', picture('b1', '<h1>Home</h1>'), {})
    localStorage.setItem('th-locale', 'cy')
    clearLastSeen()
    expect(readLastSeen('plan')).toBeNull()
    expect(readLastSeen('home')).toBeNull()
    expect(localStorage.getItem(LAST_SEEN_CSS_KEY)).toBeNull()
    expect(localStorage.getItem('th-locale')).toBe('cy')
  })

  it('keeps no half-written set when storage is full', () => {
    saveLastSeen('home', picture('b1', '<h1>Home</h1>', ['/a.css']), { '/a.css': 'a{}' })
    const setItem = localStorage.setItem.bind(localStorage)
    vi.spyOn(localStorage, 'setItem').mockImplementation((key: string, value: string) => {
      if (key === LAST_SEEN_CSS_KEY) throw new DOMException('full', 'QuotaExceededError')
      setItem(key, value)
    })
    saveLastSeen('plan', picture('b1', '<h1>Plan</h1>', ['/a.css', '/big.css']), { '/a.css': 'a{}', '/big.css': 'x'.repeat(10) })
    expect(readLastSeen('plan')).toBeNull()
    expect(readLastSeen('home')).toBeNull()
  })

  it('reads a damaged picture as none', () => {
    localStorage.setItem('th-last-seen:plan', '{not json')
    expect(readLastSeen('plan')).toBeNull()
  })
})
