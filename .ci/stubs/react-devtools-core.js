// Ink loads react-devtools-core only when DEV=true; the published CLI never does, so the bundle gets this stub.
export default {initialize() {}, connectToDevTools() {}};
