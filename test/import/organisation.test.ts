import { describe, expect, it } from "vitest";
import { guessOrganisation } from "../../src/import/organisation.ts";

describe("guessOrganisation", () => {
  it("takes the name the text repeats most, preferring organisation words", () => {
    const texts = [
      "Harbour Town Council today opened a library. Councillor Mira Okafor said the boat is ready.",
      "“It works,” said Mira Okafor. Harbour Town Council pays for it.",
      "Harbour Town Council’s budget covers the rest, and Mira Okafor agrees.",
    ];
    expect(guessOrganisation(texts)).toEqual({ name: "Harbour Town Council", count: 3 });
  });

  it("keeps joiners inside a name and needs three mentions", () => {
    expect(guessOrganisation(["The Friends of the Earth said so.", "Friends of the Earth, again.", "Friends of the Earth agree."])?.name).toBe("Friends of the Earth");
    expect(guessOrganisation(["Acme Trust acts.", "Acme Trust acts again."])).toBeUndefined();
  });
});
