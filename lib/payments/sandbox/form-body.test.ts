import { describe, expect, it } from "vitest";
import { parseFormEncoded, parseRequestParams } from "./form-body";

describe("form-body", () => {
  it("parses nested keys, indexed and empty-bracket arrays", () => {
    expect(parseFormEncoded("a[b][c]=1&expand[0]=x&expand[1]=y&list[]=p&list[]=q&plain=v%20w")).toEqual({
      a: { b: { c: "1" } },
      expand: ["x", "y"],
      list: ["p", "q"],
      plain: "v w",
    });
  });

  it("keeps an empty value as the empty string (unset)", () => {
    expect(parseFormEncoded("invoice_settings[default_payment_method]=")).toEqual({ invoice_settings: { default_payment_method: "" } });
  });

  it("compacts sparse arrays", () => {
    expect(parseFormEncoded("a[0]=x&a[5]=y")).toEqual({ a: ["x", "y"] });
  });

  it("accepts JSON bodies, scalars becoming strings and null unsetting", () => {
    expect(parseRequestParams("", JSON.stringify({ amount: 500, confirm: true, customer: null, expand: ["a"] }), "application/json")).toEqual({
      amount: "500",
      confirm: "true",
      customer: "",
      expand: ["a"],
    });
  });

  it("merges the query with the body", () => {
    expect(parseRequestParams("limit=3", "email=a%40b.c", "application/x-www-form-urlencoded")).toEqual({ limit: "3", email: "a@b.c" });
  });
});
