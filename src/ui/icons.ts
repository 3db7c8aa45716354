/** Outline icons (24×24, stroked) used by navigation and buttons; decorative only. */
export const ICON_PATHS = {
  home: 'M3 11.5 12 4l9 7.5M5.5 9.5V20h5v-6h3v6h5V9.5',
  directory: 'M9 11a3.5 3.5 0 1 0 0-7 3.5 3.5 0 0 0 0 7Zm-6 9c0-3.3 2.7-6 6-6s6 2.7 6 6M16 4.5a3.5 3.5 0 0 1 0 6.5m2 3.3c1.8.9 3 2.8 3 5.2',
  cpd: 'M4 5.5C4 4.7 4.7 4 5.5 4H11v16H5.5c-.8 0-1.5-.7-1.5-1.5v-13ZM13 4h5.5c.8 0 1.5.7 1.5 1.5v13c0 .8-.7 1.5-1.5 1.5H13V4Z',
  plan: 'M9 5h10M9 12h10M9 19h10M4 4.5l1.2 1.2L7 3.5M4 11.5l1.2 1.2L7 10.5M4 18.5l1.2 1.2L7 17.5',
  surveys: 'M5 20V10m7 10V4m7 16v-7',
  account: 'M12 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8Zm-7.5 8c.6-3.7 3.8-6 7.5-6s6.9 2.3 7.5 6',
  close: 'M6 6l12 12M18 6 6 18',
  bell: 'M6 16.5V11a6 6 0 0 1 12 0v5.5l1.5 1.5h-15L6 16.5ZM10 20.5a2 2 0 0 0 4 0',
  offline:
    'M3 3l18 18M8.5 16.5a5 5 0 0 1 7 0M5 12.6a10 10 0 0 1 4.2-2.4M12 9.3c2.7 0 5.1 1.1 6.9 2.9M2 9a15 15 0 0 1 4.5-3M10 5.1A15 15 0 0 1 22 9M12 20h.01',
} as const

export type IconName = keyof typeof ICON_PATHS
