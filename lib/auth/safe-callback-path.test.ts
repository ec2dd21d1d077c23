import { describe, expect, it } from "vitest";
import { safeCallbackPath } from "@/lib/auth/safe-callback-path";

const ORIGIN = "http://localhost:3000";

describe("safeCallbackPath: the open redirect after sign-in", () => {
  it.each([
    ["backslash", "/\\evil.example/phish"],
    ["backslash twice", "\\\\evil.example"],
    ["tab", "/\t/evil.example"],
    ["CR/LF", "/\r\n/evil.example"],
    ["newline in the scheme", "java\nscript:alert(1)"],
    ["protocol-relative", "//evil.example/phish"],
    ["triple slash", "///evil.example"],
    ["absolute", "https://evil.example/phish"],
    ["absolute, no slashes", "https:evil.example"],
    ["javascript:", "javascript:alert(document.cookie)"],
    ["data:", "data:text/html,<script>alert(1)</script>"],
    ["user info", "http://localhost:3000@evil.example/"],
    ["other port", "http://localhost:4000/w/x"],
    ["dot segments to //", "/.//evil.example"],
    ["dot-dot segments to //", "/a/..//evil.example"],
  ])("%s → /", (_label, raw) => {
    expect(safeCallbackPath(raw, ORIGIN)).toBe("/");
  });

  it.each([
    ["a path", "/w/demo/credits", "/w/demo/credits"],
    ["query and hash kept", "/w/demo/credits?page=2#events", "/w/demo/credits?page=2#events"],
    ["same origin, absolute", "http://localhost:3000/w/demo/work", "/w/demo/work"],
    ["encoded slashes stay a path here", "/%2F%2Fevil.example", "/%2F%2Fevil.example"],
    ["encoded backslash stays a path here", "/%5Cevil.example", "/%5Cevil.example"],
  ])("%s", (_label, raw, expected) => {
    expect(safeCallbackPath(raw, ORIGIN)).toBe(expected);
  });

  it("nothing → /", () => {
    expect(safeCallbackPath(undefined, ORIGIN)).toBe("/");
    expect(safeCallbackPath("", ORIGIN)).toBe("/");
  });
});
