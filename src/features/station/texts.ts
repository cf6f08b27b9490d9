import { useLangStore } from '../../i18n/lang-store.ts'
import { interpolate } from '../../core/translate.ts'

/**
 * The station's live-session texts, zh-CN and en. Kept with the feature (not in
 * src/i18n/locales) while the console is new; the 3D overlay's characters (请看老师) are
 * already in the font subset.
 */
const zh = {
  'hold.title': '请看老师',
  'hold.sub': '老师有话要说，请先停下来听一听。',
  'waiting.launch': '老师请你接下来玩：{title}（做完这一步就去）',
  'waiting.lobby': '老师请大家回到大厅：答完这一题就回去',
  'waiting.checkIn': '做完这个展项后，护照 {code} 将在这里签到',
  'notice.ended': '本次参观已结束，谢谢大家！',
  'setup.title': '设置本机',
  'setup.intro': '请讲解员或管理员登录，为这台设备命名、选择类型和可体验的展项。',
  'setup.name': '名称（如 VR-1、触屏-3）',
  'setup.kind': '类型',
  'setup.offered': '本机提供的展项（都不选 = 全部）',
  'setup.save': '保存',
  'setup.saved': '已保存：{name}',
  'setup.failed': '保存失败，请检查网络后重试。',
  'setup.byQr': '已通过控制台的设置二维码打开，无需登录。',
  'setup.qrUsed': '这个设置二维码已用过或已过期。请在控制台换一个新的二维码，或者由讲解员登录。',
  'setup.joinCode': '加入课堂：输入课堂码',
  'setup.join': '加入',
  'join.joining': '正在加入课堂…',
  'join.joined': '已加入课堂。',
  'join.failed': '没有找到这个课堂码，或课堂已结束。',
  'kind.headset': 'VR 头显',
  'kind.touchscreen': '触摸屏',
  'kind.pc': '电脑',
  'kind.phone': '手机',
}
type Key = keyof typeof zh
const en: Record<Key, string> = {
  'hold.title': 'Eyes on the guide',
  'hold.sub': 'Your guide wants to say something. Please stop and listen.',
  'waiting.launch': 'Your guide asks you to play next: {title} (after this step)',
  'waiting.lobby': 'Your guide asks everyone back to the lobby: after this question',
  'waiting.checkIn': 'After this exhibit, passport {code} will be checked in here',
  'notice.ended': 'The class visit has ended. Thank you!',
  'setup.title': 'Set up this station',
  'setup.intro': 'A guide or administrator signs in to name this device, choose its kind and the exhibits it offers.',
  'setup.name': 'Name (e.g. VR-1, Touch-3)',
  'setup.kind': 'Kind',
  'setup.offered': 'Exhibits offered here (none ticked = all)',
  'setup.save': 'Save',
  'setup.saved': 'Saved: {name}',
  'setup.failed': 'Could not save. Check the network and try again.',
  'setup.byQr': "Opened by the console's setup QR: no sign-in needed.",
  'setup.qrUsed': 'This setup QR was already used or has expired. Show a new one on the console, or a guide signs in.',
  'setup.joinCode': 'Join a class: type the class code',
  'setup.join': 'Join',
  'join.joining': 'Joining the class…',
  'join.joined': 'Joined the class.',
  'join.failed': 'No open class with this code.',
  'kind.headset': 'VR headset',
  'kind.touchscreen': 'Touchscreen',
  'kind.pc': 'PC',
  'kind.phone': 'Phone',
}
const tables = { 'zh-CN': zh, en }
export type StationTextKey = Key

export function useStationText(): (key: Key, vars?: Record<string, string | number>) => string {
  const lang = useLangStore((s) => s.lang)
  return (key, vars) => interpolate(tables[lang][key], vars)
}
export const stationText = (lang: 'zh-CN' | 'en', key: Key, vars?: Record<string, string | number>) => interpolate(tables[lang][key], vars)
