/**
 * After a sign-out, this device stops receiving the previous member's pushes: its browser
 * subscription is dropped (the push service then answers the server's next send with 410 Gone,
 * and the server deletes the subscription).
 */
export async function dropPushSubscription(workers: ServiceWorkerContainer | undefined = navigator.serviceWorker): Promise<void> {
  if (!workers || typeof PushManager === 'undefined') return
  const registration = await workers.getRegistration()
  const subscription = await registration?.pushManager.getSubscription()
  await subscription?.unsubscribe()
}
