package org.opencentral.core.job;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Optional;
import org.opencentral.core.DomainException;
import org.opencentral.core.Json;

/** A job schedule in IoT Central's JSON: {@code recurrence, start, end: {type: date|occurrences, …}}. */
public final class ScheduleJson {
    private ScheduleJson() {
    }

    public static ObjectNode write(JobSchedule schedule) {
        ObjectNode json = Json.object();
        schedule.recurrence().ifPresent(r -> json.put("recurrence", r.wireName()));
        json.put("start", schedule.start().toString());
        schedule.end().ifPresent(e -> {
            ObjectNode end = json.putObject("end");
            switch (e) {
                case JobSchedule.End.OnDate d -> end.put("type", "date").put("date", d.date().toString());
                case JobSchedule.End.After a -> end.put("type", "occurrences").put("occurrences", a.occurrences());
            }
        });
        return json;
    }

    public static JobSchedule read(JsonNode json) {
        if (json == null || !json.isObject()) {
            throw DomainException.badRequest("'schedule' is required: an object with 'start'");
        }
        Optional<JobSchedule.Recurrence> recurrence = Optional.empty();
        if (json.hasNonNull("recurrence")) {
            String name = json.get("recurrence").asText();
            recurrence = Optional.of(Arrays.stream(JobSchedule.Recurrence.values())
                    .filter(r -> r.wireName().equals(name)).findFirst().orElseThrow(() -> DomainException.badRequest(
                            "'schedule.recurrence' must be daily, weekly or monthly")));
        }
        Instant start;
        try {
            start = Instant.parse(json.path("start").asText(""));
        } catch (DateTimeParseException e) {
            throw DomainException.badRequest("'schedule.start' must be a date-time such as 2026-12-24T08:00:00Z");
        }
        return new JobSchedule(recurrence, start, json.hasNonNull("end") ? Optional.of(end(json.get("end")))
                : Optional.empty());
    }

    private static JobSchedule.End end(JsonNode end) {
        String type = end.path("type").asText("");
        try {
            return switch (type) {
                case "date" -> new JobSchedule.End.OnDate(LocalDate.parse(end.path("date").asText("")));
                case "occurrences" -> {
                    if (!end.path("occurrences").isIntegralNumber()) {
                        throw DomainException.badRequest("'schedule.end.occurrences' must be a whole number");
                    }
                    yield new JobSchedule.End.After(end.get("occurrences").asInt());
                }
                default -> throw DomainException.badRequest("'schedule.end.type' must be 'date' or 'occurrences'");
            };
        } catch (DateTimeParseException e) {
            throw DomainException.badRequest("'schedule.end.date' must be a date such as 2027-01-31");
        } catch (IllegalArgumentException e) {
            throw DomainException.badRequest("'schedule.end': " + e.getMessage());
        }
    }
}
