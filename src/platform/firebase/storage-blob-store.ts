/**
 * BlobStore over Cloud Storage for Firebase, for production. UNTESTED HERE: the Storage emulator
 * cannot run on this machine kind (it needs Java 21 and a rules runtime downloaded from the
 * internet), so the app and every test use ./blob-store.ts (Firestore chunks) instead.
 *
 * To switch a deployment over:
 * 1. Enable Cloud Storage and deploy rules that let only the owner read and write their own files,
 *    capped like the chunk store:
 *      match /users/{uid}/evidence/{id} {
 *        allow read, delete: if request.auth.uid == uid;
 *        allow create: if request.auth.uid == uid && request.resource.size <= 5 * 1024 * 1024
 *          && request.resource.contentType.matches('image/(jpeg|png|webp)|application/pdf');
 *      }
 * 2. Publish each file's `evidence` description (what `evidenceUpload` writes on its last chunk)
 *    from a Storage `onObjectFinalized` function that checks the SHA-256 in the object's metadata,
 *    and remove it from `evidenceDelete`'s Storage counterpart.
 * 3. Return `createStorageBlobStore(...)` from `createFirebaseCpd` in ./cpd.ts.
 */
import { deleteObject, getBytes, getMetadata, getStorage, ref, uploadBytes } from 'firebase/storage'
import { BlobStoreError, type BlobStore } from '@/evidence-engine/ports'
import { firebase } from './app'

export function createStorageBlobStore(uid: () => string, instance?: string): BlobStore {
  const storage = () => getStorage(firebase(instance).app)
  const fileRef = (id: string) => ref(storage(), `users/${uid()}/evidence/${id}`)
  const wrap = async <T>(work: () => Promise<T>): Promise<T> => {
    try {
      return await work()
    } catch (error) {
      const code = (error as { code?: unknown } | null)?.code
      const message = error instanceof Error ? error.message : String(error)
      if (code === 'storage/object-not-found') throw new BlobStoreError(message, 'not-found')
      if (code === 'storage/unauthenticated') throw new BlobStoreError(message, 'unauthenticated')
      if (code === 'storage/unauthorized' || code === 'storage/invalid-argument') throw new BlobStoreError(message, 'refused')
      throw new BlobStoreError(message, navigator.onLine ? 'server' : 'offline')
    }
  }
  return {
    upload: (file, onProgress) =>
      wrap(async () => {
        await uploadBytes(fileRef(file.id), file.bytes, {
          contentType: file.contentType,
          customMetadata: { name: file.name, sha256: file.sha256, ...(file.cpdId ? { cpdId: file.cpdId } : {}) },
        })
        onProgress?.(file.size, file.size)
      }),
    download: (id) =>
      wrap(async () => {
        const [meta, bytes] = await Promise.all([getMetadata(fileRef(id)), getBytes(fileRef(id))])
        return {
          name: meta.customMetadata?.name ?? id,
          contentType: meta.contentType ?? 'application/octet-stream',
          bytes: new Uint8Array(bytes),
        }
      }),
    remove: (id) =>
      wrap(async () => {
        await deleteObject(fileRef(id)).catch((error: unknown) => {
          if ((error as { code?: unknown } | null)?.code !== 'storage/object-not-found') throw error
        })
      }),
  }
}
