/// The JSON Schema (draft 2020-12) of `--report json`, version 1: `azspec schema report` prints it.
public enum ReportSchema {
    public static let id = "https://azspec.dev/schema/v1/report.schema.json"

    public static let text = #"""
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "$id": "https://azspec.dev/schema/v1/report.schema.json",
          "title": "azspec run report",
          "description": "What one `azspec run --report json` did: every suite (spec file), test, request and diagnostic. Secrets are redacted.",
          "type": "object",
          "required": ["format", "version", "azspec", "startedAt", "duration", "totals", "diagnostics", "suites"],
          "additionalProperties": false,
          "properties": {
            "$schema": { "type": "string", "description": "This schema's id." },
            "format": { "const": "azspec-report", "description": "Always azspec-report." },
            "version": { "const": 1, "description": "The shape's version: raised when a field is removed or changes meaning." },
            "azspec": { "type": "string", "description": "The azspec version that wrote the report.", "examples": ["0.1.0"] },
            "azspecCommit": { "type": "string", "pattern": "^[0-9a-f]{7,40}$", "description": "The commit that azspec was built from, when its build said (release binaries do)." },
            "startedAt": { "$ref": "#/$defs/timestamp", "description": "When the run started." },
            "duration": { "$ref": "#/$defs/seconds", "description": "Wall-clock seconds of the whole run." },
            "totals": { "$ref": "#/$defs/totals" },
            "diagnostics": { "type": "array", "items": { "$ref": "#/$defs/diagnostic" }, "description": "What loading and checking the specs found." },
            "suites": { "type": "array", "items": { "$ref": "#/$defs/suite" }, "description": "One per spec file, in run order." }
          },
          "$defs": {
            "timestamp": { "type": "string", "format": "date-time", "description": "UTC, ISO 8601 with milliseconds.", "examples": ["2026-12-04T17:37:16.123Z"] },
            "seconds": { "type": "number", "minimum": 0, "description": "Seconds, to the microsecond." },
            "count": { "type": "integer", "minimum": 0 },
            "totals": {
              "type": "object",
              "description": "Test counts; failed are assertions that did not hold, errored tests that could not run.",
              "required": ["tests", "passed", "failed", "errored", "skipped"],
              "additionalProperties": false,
              "properties": {
                "tests": { "$ref": "#/$defs/count" }, "passed": { "$ref": "#/$defs/count" }, "failed": { "$ref": "#/$defs/count" },
                "errored": { "$ref": "#/$defs/count" }, "skipped": { "$ref": "#/$defs/count" }, "files": { "$ref": "#/$defs/count" }
              }
            },
            "diagnostic": {
              "type": "object",
              "required": ["severity", "file", "line", "column", "message"],
              "additionalProperties": false,
              "properties": {
                "severity": { "enum": ["error", "warning", "note"] },
                "file": { "type": "string" },
                "line": { "type": "integer", "minimum": 0, "description": "1-based; 0 for the file as a whole." },
                "column": { "type": "integer", "minimum": 0 },
                "message": { "type": "string" }
              }
            },
            "suite": {
              "type": "object",
              "required": ["name", "file", "startedAt", "duration", "totals", "tests"],
              "additionalProperties": false,
              "properties": {
                "name": { "type": "string", "description": "The suite's name: from the spec file." },
                "file": { "type": "string", "description": "The spec file as given." },
                "startedAt": { "$ref": "#/$defs/timestamp" },
                "duration": { "$ref": "#/$defs/seconds" },
                "totals": { "$ref": "#/$defs/totals" },
                "tests": { "type": "array", "items": { "$ref": "#/$defs/test" } }
              }
            },
            "test": {
              "type": "object",
              "required": ["name", "line", "column", "outcome", "duration", "requests", "output"],
              "additionalProperties": false,
              "properties": {
                "name": { "type": "string" },
                "line": { "type": "integer", "minimum": 0, "description": "The line of the failing assertion, else of the test." },
                "column": { "type": "integer", "minimum": 0 },
                "outcome": { "enum": ["passed", "failed", "errored", "skipped"] },
                "duration": { "$ref": "#/$defs/seconds" },
                "reason": { "type": "string", "description": "Why a skipped test did not run." },
                "problem": {
                  "type": "object",
                  "description": "Why a test failed or errored.",
                  "required": ["type", "message", "details"],
                  "additionalProperties": false,
                  "properties": {
                    "type": { "type": "string", "examples": ["AssertionFailure", "ConnectionError", "PermissionMismatch", "InvalidSpec"] },
                    "message": { "type": "string", "description": "One line." },
                    "details": { "type": "string", "description": "Expected against actual, the request and response summary." }
                  }
                },
                "requests": { "type": "array", "items": { "$ref": "#/$defs/request" }, "description": "Every request sent: attempts, pages and polls." },
                "output": { "type": ["string", "null"], "description": "The exchange's transcript." }
              }
            },
            "request": {
              "type": "object",
              "required": ["method", "url", "status", "duration", "attempt"],
              "additionalProperties": false,
              "properties": {
                "method": { "type": "string", "examples": ["GET"] },
                "url": { "type": "string" },
                "status": { "type": ["integer", "null"], "description": "Null when no response came." },
                "duration": { "$ref": "#/$defs/seconds" },
                "attempt": { "type": "integer", "minimum": 1, "description": "Above 1 for a retry." }
              }
            }
          }
        }
        """#
}
