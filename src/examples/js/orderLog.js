// An exported WIT interface is an exported object named after the interface (camelCase),
// holding its functions: wasi:messaging/incoming-handler → `incomingHandler.handle`.
const decoder = new TextDecoder();

export const incomingHandler = {
  handle(message) {
    const meta = (message.metadata() ?? []).map(([k, v]) => `${k}=${v}`).join(', ');
    const order = JSON.parse(decoder.decode(message.data()));
    console.log(`${message.topic()}: order ${order.order} (${message.contentType()}) [${meta}]`);
    // Returning normally acks the message; throwing would return result::err.
  },
};
