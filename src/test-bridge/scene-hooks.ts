import { Matrix4, Quaternion, Raycaster, Vector3, type Object3D, type Scene } from 'three'
import { getStage, readRendererCounts, type StageRoot } from '../scene/stage-probe.ts'
import type { SceneBridge } from './bridge.ts'
import { createLookHooks } from './look.ts'
import { textureBytes, transparentOverdraw } from './look-metrics.ts'
import { projectSubjects } from './subjects.ts'

function stage(): StageRoot {
  const s = getStage()
  if (!s) throw new Error('test bridge: no stage is mounted (open an exhibit first)')
  return s
}

/**
 * Test builds only: lets the end-to-end suite and the bench find 3D objects and aim the
 * emulated controller at them, as a student would point and pull the trigger. Every call
 * reads the stage that is mounted now (it mounts on the first exhibit visit).
 */
export function createSceneHooks(): SceneBridge {
  const sceneNow = (): Scene => stage().get().scene
  return {
    xr: () => stage().xrStore,
    counts: readRendererCounts,
    frames: () => readRendererCounts()?.frames ?? 0,
    look: createLookHooks(),
    find(name: string) {
      const scene = sceneNow()
      const o = scene.getObjectByName(name)
      if (!o) return null
      const p = o.getWorldPosition(new Vector3())
      // the object's plain userData values (what a 3D control shows, e.g. the keypad's typed code)
      const data = Object.fromEntries(Object.entries(o.userData).filter(([, v]) => ['string', 'number', 'boolean'].includes(typeof v)))
      return { x: p.x, y: p.y, z: p.z, visible: o.visible, data }
    },
    /**
     * Point the right controller from `from` at the named object; returns false if not
     * found. IWER's dev UI re-applies its own transform handles every frame, so when it is
     * present the handle (a child of its camera rig) is moved instead of the controller.
     */
    aim(name: string, from: [number, number, number] = [0.15, 1.35, -0.25]) {
      const scene = sceneNow(),
        xr = stage().xrStore
      type Pose = { position: { set(x: number, y: number, z: number): void }; quaternion: { set(x: number, y: number, z: number, w: number): void } }
      const o = scene.getObjectByName(name)
      const dev = (xr.getState() as { emulator?: { controllers: Record<string, Pose> } }).emulator
      const ctrl = dev?.controllers.right
      if (!o || !ctrl) return false
      const target = o.getWorldPosition(new Vector3())
      const eye = new Vector3(...from)
      const q = new Quaternion().setFromRotationMatrix(new Matrix4().lookAt(eye, target, new Vector3(0, 1, 0)))
      ctrl.position.set(eye.x, eye.y, eye.z)
      ctrl.quaternion.set(q.x, q.y, q.z, q.w)
      const handle = (
        window as unknown as {
          transformHandles?: Map<string, Pose & { parent: { updateWorldMatrix(a: boolean, b: boolean): void; matrixWorld: { elements: number[] } } }>
        }
      ).transformHandles?.get('right')
      if (handle) {
        handle.parent.updateWorldMatrix(true, false)
        const parent = new Matrix4().fromArray(handle.parent.matrixWorld.elements)
        const local = new Matrix4()
          .copy(parent)
          .invert()
          .multiply(new Matrix4().compose(eye, q, new Vector3(1, 1, 1)))
        const lp = new Vector3(),
          lq = new Quaternion(),
          ls = new Vector3()
        local.decompose(lp, lq, ls)
        handle.position.set(lp.x, lp.y, lp.z)
        handle.quaternion.set(lq.x, lq.y, lq.z, lq.w)
      }
      return true
    },
    /** What a ray from `from` towards the named object crosses, nearest first (diagnostics). */
    rayHits(name: string, from: [number, number, number] = [0.15, 1.35, -0.25]) {
      const scene = sceneNow()
      const o = scene.getObjectByName(name)
      if (!o) return null
      const eye = new Vector3(...from)
      const dir = o.getWorldPosition(new Vector3()).sub(eye).normalize()
      const order = (x: Object3D | null): number | undefined => (x ? ((x as { pointerEventsOrder?: number }).pointerEventsOrder ?? order(x.parent)) : undefined)
      const label = (x: Object3D) => `${x.name || x.type}${x.parent ? `<${x.parent.name || x.parent.type}` : ''} order=${order(x) ?? 0}`
      return new Raycaster(eye, dir)
        .intersectObjects(scene.children, true)
        .slice(0, 8)
        .map((h) => `${label(h.object)} @${h.distance.toFixed(2)}`)
    },
    /**
     * Main-thread milliseconds per frame callback for `n` frames of each loop: the app's own
     * loop (React, R3F, XR and pointer-event upkeep, the exhibit's useFrame work, the render)
     * and the same scene, camera and renderer driven by a bare requestAnimationFrame loop that
     * runs the same per-frame animation functions and calls renderer.render — what a plain
     * three.js version of the exhibit would do each frame. The two loops take turns in blocks
     * of `block` frames (ABBA order, two unmeasured frames after each switch), so load on a
     * shared machine and JIT warm-up fall on both alike. Each block starts with a
     * `console.timeStamp('sophora-frames:<loop>')` so a DevTools trace taken meanwhile can
     * attribute every frame's thread CPU time to its loop (bench/frame-bench.ts).
     */
    async measureFrames(n: number, block = 30) {
      const orig = window.requestAnimationFrame.bind(window)
      const st = stage().get()
      const subs = st.internal.subscribers.filter((x) => x.priority === 0)
      const out = { r3f: [] as number[], plain: [] as number[] }
      // The app's loop: R3F schedules itself; only the time of its callbacks is read.
      const appBlock = (frames: number) =>
        new Promise<void>((resolve) => {
          let seen = -2
          window.requestAnimationFrame = (cb) =>
            orig((t) => {
              const t0 = performance.now()
              cb(t)
              // R3F asks for its next frame first thing, so one more wrapped callback follows the last
              if (seen >= 0 && seen < frames) out.r3f.push(performance.now() - t0)
              if (++seen === frames) {
                window.requestAnimationFrame = orig
                st.setFrameloop('never')
                resolve()
              }
            })
          st.setFrameloop('always')
          st.invalidate() // starts R3F's loop again (setFrameloop alone does not)
        })
      const plainBlock = (frames: number) =>
        new Promise<void>((resolve) => {
          let seen = -2
          let last = performance.now()
          const loop = () => {
            const t0 = performance.now()
            const delta = (t0 - last) / 1000
            last = t0
            for (const sub of subs) sub.ref.current?.(st, delta)
            st.gl.render(st.scene, st.camera)
            if (seen >= 0) out.plain.push(performance.now() - t0)
            if (++seen === frames) resolve()
            else orig(loop)
          }
          orig(loop)
        })
      st.setFrameloop('never')
      try {
        for (let i = 0; out.r3f.length < n || out.plain.length < n; i++) {
          // ABBA: app, plain, plain, app, app, plain, …
          const app = (i + (i >> 1)) % 2 === 0
          const left = n - (app ? out.r3f.length : out.plain.length)
          if (left <= 0) continue
          console.timeStamp(`sophora-frames:${app ? 'app' : 'plain'}`)
          await (app ? appBlock : plainBlock)(Math.min(block, left))
        }
      } finally {
        console.timeStamp('sophora-frames:end')
        window.requestAnimationFrame = orig
        st.setFrameloop('always')
        st.invalidate()
      }
      return out
    },
    overdraw() {
      const st = stage().get()
      return transparentOverdraw(st.gl, st.scene, st.camera)
    },
    textureBytes: () => textureBytes(sceneNow()),
    subjects(stepId, at) {
      const st = stage().get()
      return projectSubjects(st.scene, st.camera, st.gl.domElement, stepId, at)
    },
    /** Largest texture (width or height) used by anything in the scene now. */
    maxTextureSize() {
      const scene = sceneNow()
      let max = 0
      scene.traverse((o) => {
        const m = (o as { material?: Record<string, unknown> | Record<string, unknown>[] }).material
        for (const mat of Array.isArray(m) ? m : m ? [m] : []) {
          for (const v of Object.values(mat)) {
            const img = v as { isTexture?: boolean; image?: { width?: number; height?: number } } | null
            if (img?.isTexture) max = Math.max(max, img.image?.width ?? 0, img.image?.height ?? 0)
          }
        }
      })
      return max
    },
  }
}
