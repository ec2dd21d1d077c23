import { describe, expect, it } from "vitest";
import { devMailboxAllows } from "@/lib/notify/dev-mailbox-access";

// Every tenant's magic links are in the dev mailbox: who may read it.
const demo: Record<string, string | undefined> = { REFILL_DEV_MAILBOX: "1", REFILL_PEER_ADDRESS_HEADER: "x-refill-peer-address" };
const from = (peer: string | null) => (name: string) => (name === "x-refill-peer-address" ? peer : null);

describe("dev mailbox access", () => {
  it("answers loopback clients of the demo server", () => {
    for (const peer of ["127.0.0.1", "::1", "::ffff:127.0.0.1", "127.1.2.3"]) expect(devMailboxAllows({ env: demo, header: from(peer) }), peer).toBe(true);
  });

  it("refuses clients from other hosts", () => {
    for (const peer of ["10.0.0.5", "192.168.1.20", "::ffff:10.0.0.5", "fe80::1", "", "127.0.0.1.evil", null]) {
      expect(devMailboxAllows({ env: demo, header: from(peer) }), String(peer)).toBe(false);
    }
  });

  it("is off when the server has SMTP, or was not turned on", () => {
    expect(devMailboxAllows({ env: { ...demo, SMTP_URL: "smtp://mail:25" }, header: from("127.0.0.1") })).toBe(false);
    expect(devMailboxAllows({ env: { ...demo, REFILL_DEV_MAILBOX: undefined }, header: from("127.0.0.1") })).toBe(false);
  });

  it("trusts no client-supplied header under a server that does not stamp the peer (plain next start)", () => {
    const plain: Record<string, string | undefined> = { REFILL_DEV_MAILBOX: "1" };
    expect(devMailboxAllows({ env: plain, header: () => "127.0.0.1" })).toBe(false);
  });
});
