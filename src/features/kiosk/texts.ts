import { useLangStore } from '../../i18n/lang-store.ts'
import { interpolate } from '../../core/translate.ts'

/** Kiosk, idle reset and attract loop texts, zh-CN and en (the countdown and attract loop show both at once). */
const zh = {
  'idle.title': '还在吗？',
  'idle.sub': '{n} 秒后回到大厅',
  'idle.continue': '点一下继续',
  'attract.start': '点击开始',
  'attract.label': '展项轮播',
  'exit.hold': '工作人员：长按此处 3 秒退出展台模式',
  'exit.title': '退出展台模式',
  'exit.pin': '工作人员密码',
  'exit.ok': '退出',
  'exit.cancel': '取消',
  'exit.wrong': '密码不对。',
  'exit.locked': '错误次数太多，请 {n} 秒后再试。',
  'exit.noPin': '本机没有设置工作人员密码：请在浏览器层面退出（见部署说明），或由讲解员在“设置本机”中设置密码。',
  'settings.title': '展台模式与无人复位',
  'settings.kiosk': '展台模式（全屏；学生无法离开本应用；退出需要工作人员密码）',
  'settings.idle': '无人操作时自动复位（退出展项、签出护照、停止声音、播放展项轮播）',
  'settings.idleSeconds': '无操作多少秒后开始倒计时（留空 = 按类型：触屏/电脑 60 秒，VR 10 分钟）',
  'settings.warnSeconds': '倒计时秒数',
  'settings.pin': '工作人员密码（4–8 位数字；只保存其散列值）',
  'settings.pinKeep': '留空 = 保留已设的密码',
  'settings.pinNeeded': '开启展台模式需要先设置工作人员密码。',
  'settings.noCrypto': '此页面不是安全连接（HTTPS），无法设置密码。',
  'settings.save': '保存展台设置',
  'settings.saved': '展台设置已保存在本机。',
  'settings.invalid': '请检查秒数：无操作 3–3600 秒，倒计时 3–60 秒。',
} as const
type Key = keyof typeof zh
const en: Record<Key, string> = {
  'idle.title': 'Still there?',
  'idle.sub': 'Back to the lobby in {n} s',
  'idle.continue': 'Touch to continue',
  'attract.start': 'Touch to start',
  'attract.label': 'Exhibits',
  'exit.hold': 'Staff: hold here for 3 s to leave kiosk mode',
  'exit.title': 'Leave kiosk mode',
  'exit.pin': 'Staff PIN',
  'exit.ok': 'Leave',
  'exit.cancel': 'Cancel',
  'exit.wrong': 'Wrong PIN.',
  'exit.locked': 'Too many tries: wait {n} s.',
  'exit.noPin':
    'No staff PIN is set on this station: leave at the browser level (see the deployment notes), or have a guide set one under “Set up this station”.',
  'settings.title': 'Kiosk mode and idle reset',
  'settings.kiosk': 'Kiosk mode (full screen; students cannot leave the app; leaving needs the staff PIN)',
  'settings.idle': 'Reset when idle (leave the exhibit, check the passport out, stop sound, show the attract loop)',
  'settings.idleSeconds': 'Seconds without input before the countdown (empty = by kind: touchscreen/PC 60 s, VR 10 min)',
  'settings.warnSeconds': 'Countdown seconds',
  'settings.pin': 'Staff PIN (4–8 digits; only its hash is kept)',
  'settings.pinKeep': 'Empty = keep the PIN already set',
  'settings.pinNeeded': 'Set a staff PIN before turning kiosk mode on.',
  'settings.noCrypto': 'This page is not on a secure connection (HTTPS): a PIN cannot be set.',
  'settings.save': 'Save kiosk settings',
  'settings.saved': 'Kiosk settings saved on this device.',
  'settings.invalid': 'Check the seconds: idle 3–3600, countdown 3–60.',
}
const tables = { 'zh-CN': zh, en }
export type KioskTextKey = Key

export const kioskText = (lang: 'zh-CN' | 'en', key: Key, vars?: Record<string, string | number>) => interpolate(tables[lang][key], vars)
export function useKioskText(): (key: Key, vars?: Record<string, string | number>) => string {
  const lang = useLangStore((s) => s.lang)
  return (key, vars) => kioskText(lang, key, vars)
}
