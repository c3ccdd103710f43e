import { capabilityLayout } from "../_components/capability-layout";

// Above loading.tsx, so that a role without access gets HTTP 403 rather than a streamed 200.
export default capabilityLayout("readScores");
