import { describe, expect, it } from 'vitest'
import { newRegistration, PATHWAYS, readiness } from '@/domain/rules/registration'
import { i18n } from '@/i18n'
import type { Locale } from '@/i18n/locales'
import { i18nFor } from '../../../tests/support/i18n'
import { areaWords, bodyName, gapText, stepName, targetName, type Translate } from './registration-text'

async function tIn(locale: Locale): Promise<Translate> {
  await i18nFor(locale)
  return i18n.global.t as Translate
}

describe('registration words', () => {
  it('names pathways, bodies, areas, steps and what is missing in English', async () => {
    const t = await tIn('en')
    expect(targetName(t, 'RSci')).toBe('Registered Scientist (RSci)')
    expect(bodyName(t, 'engineeringCouncil')).toBe('Engineering Council')
    expect(areaWords(t, 'RSciTech', PATHWAYS.RSciTech.competences[0]!).title).toBe('A. Application of knowledge and understanding')
    expect(areaWords(t, 'FHEA', PATHWAYS.FHEA.competences[1]!)).toEqual({
      title: 'K. Core Knowledge',
      description: 'What you know about how learners learn, methods, technologies and evaluation in your subject (K1–K5).',
    })
    expect(PATHWAYS.IEng.steps.map((s) => stepName(t, s))).toContain('Professional review interview')
    const missing = readiness(newRegistration('RSciTech')).missing.map((gap) => gapText(t, 'RSciTech', gap))
    expect(missing).toContain('A. Application of knowledge and understanding: write your statement (at least 150 words).')
    expect(missing).toContain('C. Interpersonal skills: link at least one CPD entry as evidence.')
    expect(missing).toContain('Step: Find a mentor or supporter.')
  })

  it('names them in Welsh', async () => {
    const t = await tIn('cy')
    expect(targetName(t, 'RSciTech')).toBe('Technegydd Gwyddoniaeth Cofrestredig (RSciTech)')
    expect(targetName(t, 'CEng')).toBe('Peiriannydd Siartredig (CEng)')
    expect(bodyName(t, 'scienceCouncil')).toBe('Y Cyngor Gwyddoniaeth')
    expect(areaWords(t, 'AFHEA', PATHWAYS.AFHEA.competences[0]!).title).toBe('A. Meysydd Gweithgarwch')
    expect(PATHWAYS.AFHEA.steps.map((s) => stepName(t, s))).toContain('Dod o hyd i fentor a chanolwyr')
    const over = readiness({
      target: 'RSciTech',
      steps: {},
      competences: { B: { statement: Array(520).fill('gair').join(' '), cpdIds: ['c'] } },
    })
    const missing = over.missing.map((gap) => gapText(t, 'RSciTech', gap))
    expect(missing).toContain('B. Cyfrifoldeb personol: torrwch 20 gair i gadw at y canllaw 500 gair.')
    expect(missing).toContain('Cam: Gwirio cymhwystra.')
    await i18nFor('en')
  })
})
