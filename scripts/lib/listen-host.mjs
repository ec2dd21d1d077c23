/** The interface the app server listens on: loopback only unless HOST says otherwise. */
export function listenHost(env) {
  return env.HOST?.trim() || "127.0.0.1";
}
