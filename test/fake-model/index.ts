export { locateTurn, promptOfUserMessage, stripInjected, type TurnPosition } from "./requests.js";
export {
  DIRECTIVE_MARKER,
  type PromptMatcher,
  parseDirective,
  type Step,
  type ToolCall,
  type TurnScript,
} from "./script.js";
export { type FakeModel, type FakeModelOptions, type RecordedRequest, startFakeModel } from "./server.js";
