import { describe, expect, it } from 'vitest'
import { isPushEndpoint } from './subscriptions'

describe('push endpoints the server will call', () => {
  it("takes the browsers' push services over https only", () => {
    for (const url of [
      'https://fcm.googleapis.com/fcm/send/abc',
      'https://updates.push.services.mozilla.com/wpush/v2/abc',
      'https://wns2-db5p.notify.windows.com/w/?token=abc',
      'https://web.push.apple.com/abc',
    ])
      expect(isPushEndpoint(url, {}), url).toBe(true)
    for (const url of [
      'http://fcm.googleapis.com/fcm/send/abc',
      'https://attacker.example.com/x',
      'https://googleapis.com.attacker.example/x',
      'https://169.254.169.254/computeMetadata/v1/',
      'http://127.0.0.1:8080/x',
    ])
      expect(isPushEndpoint(url, {}), url).toBe(false)
  })

  it('takes a local endpoint only in the emulator (tests)', () => {
    expect(isPushEndpoint('http://127.0.0.1:4321/phone', { FUNCTIONS_EMULATOR: 'true' })).toBe(true)
    expect(isPushEndpoint('http://localhost:4321/phone', { FUNCTIONS_EMULATOR: 'true' })).toBe(false)
  })
})
