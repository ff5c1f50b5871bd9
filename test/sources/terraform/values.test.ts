import { describe, expect, it } from "vitest";
import { holdsTrue, resourcePlace } from "../../../src/sources/terraform/values.js";

describe("resourcePlace", () => {
  it.each([
    [{ arn: "arn:aws:sqs:eu-west-1:111122223333:q" }, ["aws", "eu-west-1", "111122223333"]],
    [
      { arn: "arn:aws:iam::111122223333:role/r", region: "us-east-2" },
      ["aws", "us-east-2", "111122223333"],
    ],
    [{ arn: "arn:aws:s3:::bucket" }, ["aws", null, null]],
    [{ region: "ap-south-1" }, [null, "ap-south-1", null]],
    [{}, [null, null, null]],
  ])("%j", (values, [partition, region, account]) => {
    expect(resourcePlace(values)).toEqual({ partition, region, account });
  });
});

describe("holdsTrue", () => {
  it.each([
    [true, true],
    [{ a: [{ b: true }] }, true],
    [{ a: [{ b: false }] }, false],
    [{}, false],
    [null, false],
    [undefined, false],
  ])("%j → %s", (value, expected) => {
    expect(holdsTrue(value)).toBe(expected);
  });
});
