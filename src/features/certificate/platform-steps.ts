import type { AppKey } from '../../i18n/translate.ts'

/** How each platform trusts the center's CA: a heading and its steps, all app strings (zh-CN and en). */
export const PLATFORM_STEPS: readonly { id: string; title: AppKey; steps: readonly AppKey[] }[] = [
  { id: 'windows', title: 'cert.windows', steps: ['cert.windows.1', 'cert.windows.2', 'cert.windows.3', 'cert.windows.4'] },
  { id: 'android', title: 'cert.android', steps: ['cert.android.1', 'cert.android.2', 'cert.android.3', 'cert.android.4'] },
  { id: 'ios', title: 'cert.ios', steps: ['cert.ios.1', 'cert.ios.2', 'cert.ios.3', 'cert.ios.4'] },
  { id: 'headset', title: 'cert.headset', steps: ['cert.headset.1', 'cert.headset.2', 'cert.headset.3'] },
  { id: 'chromeos', title: 'cert.chromeos', steps: ['cert.chromeos.1', 'cert.chromeos.2', 'cert.chromeos.3'] },
]
