export { locateGeminiTurn } from "./requests.js";
export {
  type FakeGemini,
  type FakeGeminiOptions,
  type RecordedGeminiRequest,
  startFakeGemini,
} from "./server.js";
