package dev.switchboard.mcp.demo;

import tools.jackson.databind.node.ObjectNode;

/** The {@code elicitation/create} params the conformance suite expects, verbatim. Stateless. */
final class ElicitationForms {
    private static final String USER_INFO = """
            {"type":"object","properties":{
              "username":{"type":"string","description":"User's response"},
              "email":{"type":"string","description":"User's email address"}},
             "required":["username","email"]}
            """;

    private static final String DEFAULTS = """
            {"message":"Please review and update the form fields with defaults",
             "requestedSchema":{"type":"object","properties":{
               "name":{"type":"string","description":"User name","default":"John Doe"},
               "age":{"type":"integer","description":"User age","default":30},
               "score":{"type":"number","description":"User score","default":95.5},
               "status":{"type":"string","description":"User status","enum":["active","inactive","pending"],"default":"active"},
               "verified":{"type":"boolean","description":"Verification status","default":true}},
              "required":[]}}
            """;

    private static final String ENUMS = """
            {"message":"Please select options from the enum fields",
             "requestedSchema":{"type":"object","properties":{
               "untitledSingle":{"type":"string","description":"Select one option","enum":["option1","option2","option3"]},
               "titledSingle":{"type":"string","description":"Select one option with titles",
                  "oneOf":[{"const":"value1","title":"First Option"},{"const":"value2","title":"Second Option"},
                           {"const":"value3","title":"Third Option"}]},
               "legacyEnum":{"type":"string","description":"Select one option (legacy)","enum":["opt1","opt2","opt3"],
                  "enumNames":["Option One","Option Two","Option Three"]},
               "untitledMulti":{"type":"array","description":"Select multiple options","minItems":1,"maxItems":3,
                  "items":{"type":"string","enum":["option1","option2","option3"]}},
               "titledMulti":{"type":"array","description":"Select multiple options with titles","minItems":1,"maxItems":3,
                  "items":{"anyOf":[{"const":"value1","title":"First Choice"},{"const":"value2","title":"Second Choice"},
                                    {"const":"value3","title":"Third Choice"}]}}},
              "required":[]}}
            """;

    private ElicitationForms() {}

    /** Asks for a username and an email, showing {@code message}. */
    static ObjectNode userInfo(String message) {
        ObjectNode params = Json.object();
        params.put("message", message);
        params.set("requestedSchema", Json.parseObject(USER_INFO));
        return params;
    }

    /** A form whose five fields have defaults (SEP-1034). */
    static ObjectNode defaults() {
        return Json.parseObject(DEFAULTS);
    }

    /** A form with the five kinds of enum field (SEP-1330). */
    static ObjectNode enums() {
        return Json.parseObject(ENUMS);
    }
}
