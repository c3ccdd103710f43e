import { describe, expect, it } from "vitest";

import {
  componentKey,
  normalizeComponentName,
  normalizeCpe,
  normalizePurl,
  normalizeVersion,
  parsePurl,
  resolveComponentIdentity,
} from "./component-identity";

describe("normalizeComponentName", () => {
  it.each([
    ["FreeRTOS-Plus-TCP", "freertos plus tcp"],
    ["freertos plus tcp", "freertos plus tcp"],
    ["  FreeRTOS_Plus__TCP  ", "freertos plus tcp"],
    ["Mbed TLS", "mbed tls"],
    ["ＦｒｅｅＲＴＯＳ", "freertos"], // full-width, NFKC-folded
    ["lwIP (2.1.3)", "lwip 2 1 3"],
    ["---", ""],
  ])("%j → %j", (input, expected) => {
    expect(normalizeComponentName(input)).toBe(expected);
  });
});

describe("normalizeVersion", () => {
  it.each([
    ["10.4.3", "10.4.3"],
    ["v10.4.3", "10.4.3"],
    ["V10.4.3 ", "10.4.3"],
    ["version-2", "version-2"],
    ["", undefined],
    [null, undefined],
  ])("%j → %j", (input, expected) => {
    expect(normalizeVersion(input)).toBe(expected);
  });
});

describe("purl", () => {
  it.each([
    // type is case-insensitive everywhere; github/npm/deb/golang/bitbucket/pypi lowercase namespace and name
    ["PKG:GitHub/FreeRTOS/FreeRTOS-Kernel@V10.4.3", "pkg:github/freertos/freertos-kernel@V10.4.3"],
    ["pkg://npm/%40Angular/Core@17.0.0", "pkg:npm/%40angular/core@17.0.0"],
    ["pkg:pypi/Django_Allauth@12.23", "pkg:pypi/django-allauth@12.23"],
    [
      "pkg:deb/Debian/CURL@7.50.3-1?distro=jessie&arch=i386",
      "pkg:deb/debian/curl@7.50.3-1?arch=i386&distro=jessie",
    ],
    // other types keep their case (maven group ids and generic names are case-sensitive)
    ["pkg:maven/org.Apache/Batik-Anim@1.9.1", "pkg:maven/org.Apache/Batik-Anim@1.9.1"],
    ["pkg:generic/FreeRTOS-Plus-TCP@V4.0.0", "pkg:generic/FreeRTOS-Plus-TCP@V4.0.0"],
    // qualifier keys lowercased, sorted, empty values dropped; subpath "." and ".." segments dropped
    ["pkg:generic/x@1?B=2&a=1&c=", "pkg:generic/x@1?a=1&b=2"],
    [
      "pkg:golang/google.golang.org/genproto#googleapis/./api/../annotations/",
      "pkg:golang/google.golang.org/genproto#googleapis/api/annotations",
    ],
  ])("%s → %s", (input, expected) => {
    expect(normalizePurl(input)).toBe(expected);
  });

  it.each([
    "",
    "freertos",
    "pkg:",
    "pkg:github",
    "pkg:1abc/name",
    "pkg:generic/%E0%A4%A",
    "https://github.com/x/y",
    "pkg:generic/x?=1",
  ])("rejects %j", (input) => {
    expect(parsePurl(input)).toBeUndefined();
  });

  it("parses the components", () => {
    expect(parsePurl("pkg:npm/%40scope/name@1.0.0?vcs_url=git%3A%2F%2Fh%2Fr#lib/x")).toEqual({
      type: "npm",
      namespace: "@scope",
      name: "name",
      version: "1.0.0",
      qualifiers: { vcs_url: "git://h/r" },
      subpath: "lib/x",
    });
  });
});

describe("normalizeCpe", () => {
  it.each([
    ["cpe:2.3:a:ARM:Mbed_TLS:2.28.1:*:*:*:*:*:*:*", "cpe:2.3:a:arm:mbed_tls:2.28.1:*:*:*:*:*:*:*"],
    ["cpe:2.3:a:arm:mbed_tls:2.28.1", "cpe:2.3:a:arm:mbed_tls:2.28.1:*:*:*:*:*:*:*"],
    ["cpe:/a:arm:mbed_tls:2.28.1", "cpe:2.3:a:arm:mbed_tls:2.28.1:*:*:*:*:*:*:*"],
    ["cpe:/o:freertos:freertos:10.4.3", "cpe:2.3:o:freertos:freertos:10.4.3:*:*:*:*:*:*:*"],
    ["cpe:2.3:a:foo\\:bar:baz:1", "cpe:2.3:a:foo\\:bar:baz:1:*:*:*:*:*:*:*"],
  ])("%s → %s", (input, expected) => {
    expect(normalizeCpe(input)).toBe(expected);
  });

  it.each(["cpe:2.3:x:a:b:1", "cpe:2.3:a:*:b:1", "cpe:/a", "mbed tls"])("rejects %j", (input) => {
    expect(normalizeCpe(input)).toBeUndefined();
  });
});

describe("componentKey", () => {
  it("collides for the brief's example: name spelling and v-prefix do not matter", () => {
    expect(componentKey({ name: "FreeRTOS-Plus-TCP", version: "10.4.3" })).toBe(
      componentKey({ name: "freertos plus tcp", version: "v10.4.3" }),
    );
    expect(componentKey({ name: "FreeRTOS-Plus-TCP", version: "10.4.3" })).toBe(
      "component:name:freertos plus tcp@10.4.3",
    );
  });

  it("prefers purl, then CPE, then name", () => {
    const purl = "pkg:github/mcu-tools/mcuboot@v1.9.0";
    const cpe = "cpe:2.3:a:mcuboot:mcuboot:1.9.0";
    expect(componentKey({ purl, cpe, name: "MCUboot", version: "1.9.0" })).toBe(`component:purl:${purl}`);
    expect(componentKey({ cpe, name: "MCUboot", version: "1.9.0" })).toBe(
      "component:cpe:cpe:2.3:a:mcuboot:mcuboot:1.9.0:*:*:*:*:*:*:*",
    );
    expect(componentKey({ name: "MCUboot", version: "1.9.0" })).toBe("component:name:mcuboot@1.9.0");
  });

  it("ignores purl qualifiers and subpath (same package code, different artefact)", () => {
    expect(componentKey({ purl: "pkg:github/MCU-Tools/MCUboot@v1.9.0?arch=armv7" })).toBe(
      componentKey({ purl: "pkg:github/mcu-tools/mcuboot@v1.9.0" }),
    );
    expect(componentKey({ purl: "pkg:github/a/b@1#src" })).toBe(componentKey({ purl: "pkg:github/a/b@1" }));
  });

  it("keeps different versions and case-sensitive types apart", () => {
    expect(componentKey({ name: "lwIP", version: "2.1.3" })).not.toBe(
      componentKey({ name: "lwIP", version: "2.1.2" }),
    );
    expect(componentKey({ name: "lwIP" })).toBe("component:name:lwip");
    expect(componentKey({ purl: "pkg:maven/org.Foo/bar@1" })).not.toBe(
      componentKey({ purl: "pkg:maven/org.foo/bar@1" }),
    );
  });

  it("falls back past an unparseable purl or CPE and says so", () => {
    const resolved = resolveComponentIdentity({
      purl: "github.com/foo/bar",
      cpe: "not-a-cpe",
      name: "Bar",
      version: "1",
    });
    expect(resolved?.key).toBe("component:name:bar@1");
    expect(resolved?.rejected).toEqual([
      { field: "purl", value: "github.com/foo/bar" },
      { field: "cpe", value: "not-a-cpe" },
    ]);
  });

  it("throws when nothing identifies the component", () => {
    expect(() => componentKey({ name: "  ", version: "1.0" })).toThrow(/purl, a CPE or a name/);
    expect(resolveComponentIdentity({})).toBeUndefined();
  });
});
