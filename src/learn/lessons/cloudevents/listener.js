const decoder = new TextDecoder();

// Prints what a consumer can know about a message besides its bytes.
export const incomingHandler = {
  handle(message) {
    const meta = (message.metadata() ?? []).map(([k, v]) => `${k}=${v}`).join(', ');
    console.log(`${message.topic()} (${message.contentType() ?? 'no content type'}) [${meta}]: ${decoder.decode(message.data())}`);
  },
};
