// Every icon comes from one SVG: `npm run icons` writes the PNGs and favicon into public/.
import { defineConfig, minimal2023Preset } from '@vite-pwa/assets-generator/config'

export default defineConfig({
  headLinkOptions: { preset: '2023' },
  preset: {
    ...minimal2023Preset,
    maskable: { ...minimal2023Preset.maskable, resizeOptions: { background: '#0b5c6b' } },
    apple: { ...minimal2023Preset.apple, resizeOptions: { background: '#0b5c6b' } },
  },
  images: ['public/logo.svg'],
})
