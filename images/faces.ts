/**
 * Faces and their estimated ages: face-api's tiny face detector (190 KB of weights) and its
 * age model (420 KB), both shipped with @vladmandic/face-api and loaded from local files.
 */
import type { Box } from '../rules/engine/types';
import type { FaceApiModule, ImageRuntime, Raster } from './types';

/** The detector's input size: 416 finds faces down to about 1/25 of the image's width. */
const INPUT_SIZE = 416;
const MIN_SCORE = 0.45;
/** Faces are looked for in a copy of this size: the detector scales to 416 anyway. */
export const FACE_SIDE = 640;

const MODELS = ['tiny_face_detector_model', 'age_gender_model'] as const;

async function loadNet(runtime: ImageRuntime, api: FaceApiModule, net: { loadFromWeightMap(map: never): void }, model: string): Promise<void> {
  const manifest = JSON.parse(new TextDecoder().decode(await runtime.modelFile(`${model}-weights_manifest.json`))) as {
    paths: string[];
    weights: unknown[];
  }[];
  const group = manifest[0];
  if (!group) throw new Error(`${model}: empty weights manifest`);
  const shards = await Promise.all(group.paths.map((p) => runtime.modelFile(p)));
  const joined = new Uint8Array(shards.reduce((n, s) => n + s.byteLength, 0));
  let at = 0;
  for (const s of shards) {
    joined.set(new Uint8Array(s), at);
    at += s.byteLength;
  }
  const weights = api.tf.io.decodeWeights(joined.buffer, group.weights as Parameters<typeof api.tf.io.decodeWeights>[1]);
  net.loadFromWeightMap(weights as never);
}

export interface FaceFinder {
  find(raster: Raster): Promise<{ box: Box; score: number; age: number }[]>;
}

/** Loads the models once; every image after that only runs them. */
export async function loadFaceFinder(runtime: ImageRuntime): Promise<FaceFinder> {
  const api = await runtime.faceApi();
  const [detector, ages] = [api.nets.tinyFaceDetector, api.nets.ageGenderNet];
  await Promise.all([loadNet(runtime, api, detector, MODELS[0]), loadNet(runtime, api, ages, MODELS[1])]);
  const options = new api.TinyFaceDetectorOptions({ inputSize: INPUT_SIZE, scoreThreshold: MIN_SCORE });
  const { tf } = api;
  return {
    async find(raster) {
      const small = raster.scaled(FACE_SIDE);
      const { width, height, data } = small.pixels();
      // An RGB tensor straight from the pixels: no DOM image needed, so Node and the
      // extension run the same path.
      const input = tf.tidy(() => tf.slice3d(tf.tensor3d(new Int32Array(data), [height, width, 4], 'int32'), [0, 0, 0], [height, width, 3]));
      try {
        const found = await api.detectAllFaces(input as never, options).withAgeAndGender();
        return found.map((f) => {
          const b = f.detection.box;
          return {
            box: { x: b.x / width, y: b.y / height, w: b.width / width, h: b.height / height },
            score: f.detection.score,
            age: f.age,
          };
        });
      } finally {
        input.dispose();
      }
    },
  };
}
