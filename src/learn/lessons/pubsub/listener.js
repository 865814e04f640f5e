const decoder = new TextDecoder();

export const incomingHandler = {
  handle(message) {
    console.log(`${message.topic()}: ${decoder.decode(message.data())}`);
  },
};
