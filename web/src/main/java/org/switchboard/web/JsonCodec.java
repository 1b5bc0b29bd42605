package org.switchboard.web;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads request bodies strictly (an unknown field is an error: a typo must not be silently
 * ignored) and writes response documents. A bad body becomes a 400 problem naming the fault.
 */
final class JsonCodec {
    private final JsonMapper mapper = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    <T> T read(String body, Class<T> type) {
        if (body == null || body.isBlank()) {
            throw Problem.invalidRequest("the request needs a JSON body").raise();
        }
        try {
            T value = mapper.readValue(body, type);
            if (value == null) throw Problem.invalidRequest("the request body must be a JSON object").raise();
            return value;
        } catch (UnrecognizedPropertyException e) {
            throw Problem.invalidRequest("unknown field '" + e.getPropertyName() + "'; known fields: "
                    + String.join(", ", e.getKnownPropertyIds().stream().map(String::valueOf).sorted().toList())).raise();
        } catch (JacksonException e) {
            throw Problem.invalidRequest("the request body is not the expected JSON object: " + e.getOriginalMessage()).raise();
        }
    }

    String write(Object document) {
        return mapper.writeValueAsString(document);
    }
}
