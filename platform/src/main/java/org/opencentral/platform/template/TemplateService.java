package org.opencentral.platform.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;
import org.opencentral.core.DomainException;
import org.opencentral.core.ErrorCode;
import org.opencentral.core.device.Device;
import org.opencentral.core.event.PlatformEvent.TemplateLifecycle;
import org.opencentral.core.event.PlatformEvent.TemplateLifecycle.Change;
import org.opencentral.core.store.OutboxStore;
import org.opencentral.core.store.Page;
import org.opencentral.core.store.TemplateStore;
import org.opencentral.core.template.DeviceTemplate;
import org.opencentral.dtdl.FolderModelSource;
import org.opencentral.dtdl.ModelDocument;
import org.opencentral.dtdl.ModelSource;
import org.opencentral.dtdl.model.DeviceModel;

/**
 * Publishes, reads, patches and deletes device templates. A published version is immutable: a PUT
 * on an existing id with a different capability model is a CONFLICT (a new version is a new id);
 * PATCH may change displayName, description and cloud properties only. References in a model
 * resolve against published templates, then the local model folder when one is configured. Every
 * change stores its {@link TemplateLifecycle} event in the same transaction (the outbox), from where
 * it reaches the event log. Blocking: call from virtual threads.
 */
public final class TemplateService {
    public static final int MAX_PAGE = 1000;

    private final TemplateStore store;
    private final Optional<FolderModelSource> repository;
    private final OutboxStore outbox;
    private final Clock clock;
    private final TemplateModels models = new TemplateModels();

    public TemplateService(TemplateStore store, Optional<FolderModelSource> repository, OutboxStore outbox, Clock clock) {
        this.store = store;
        this.repository = repository;
        this.outbox = outbox;
        this.clock = clock;
    }

    public Page<DeviceTemplate> list(Optional<String> after, int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw DomainException.badRequest("page size must be between 1 and " + MAX_PAGE);
        }
        return store.list(after, limit);
    }

    public Optional<DeviceTemplate> find(String id) {
        return store.find(id);
    }

    /** The template with this id, else the oldest whose capability model has this id. */
    public Optional<DeviceTemplate> findForModel(String modelId) {
        return store.find(modelId).or(() -> store.findByModelId(modelId));
    }

    public DeviceTemplate get(String id) {
        return store.find(id).orElseThrow(() -> DomainException.notFound("device template '" + id + "'"));
    }

    /**
     * Publishes a template under {@code id}; on an existing id only an identical capability model
     * is accepted (its envelope is then updated: UPDATED in the log), anything else is a CONFLICT.
     */
    public DeviceTemplate publish(String id, TemplateDraft draft) {
        ObjectNode given = draft.capabilityModel().orElseThrow(() -> new ModelInvalidException(
                "a device template needs a capabilityModel", java.util.List.of(new ModelInvalidException.Problem(
                        "PROPERTY_REQUIRED", "/capabilityModel", "capabilityModel is required", ""))));
        ObjectNode model = compile(given, "/capabilityModel").capabilityModel();
        Optional<DeviceTemplate> existing = store.find(id);
        if (existing.isPresent()) {
            if (!existing.get().capabilityModel().equals(model)) {
                throw DomainException.conflict("device template '" + id + "' is published and cannot change; "
                        + "publish the new version under a new id");
            }
            return update(existing.get(), draft, model, Optional.empty());
        }
        String displayName = draft.displayName().orElseGet(() -> defaultName(model, id));
        DeviceTemplate template = new DeviceTemplate(id, draft.types().isEmpty() ? DeviceTemplate.DEFAULT_TYPES
                : draft.types(), displayName, draft.description(), model, newEtag(), clock.instant());
        return stored(() -> store.insert(template), Change.CREATED);
    }

    /** Changes displayName, description and cloud properties; CONFLICT for any other model change. */
    public DeviceTemplate patch(String id, TemplateDraft draft, Optional<String> ifMatch) {
        DeviceTemplate current = get(id);
        ObjectNode model = current.capabilityModel();
        if (draft.capabilityModel().isPresent()) {
            ObjectNode changed = compile(draft.capabilityModel().get(), "/capabilityModel").capabilityModel();
            if (!CloudPropertyDiff.sameExceptCloudProperties(model, changed)) {
                throw DomainException.conflict("a published device template can only change its cloud properties, "
                        + "displayName and description; publish other changes under a new id");
            }
            model = changed;
        }
        return update(current, draft, model, ifMatch);
    }

    /** Deletes a template: NOT_FOUND if absent, CONFLICT while devices are assigned to it. */
    public void delete(String id) {
        outbox.run(events -> {
            if (!store.delete(id)) {
                throw DomainException.notFound("device template '" + id + "'");
            }
            events.record(new TemplateLifecycle(id, clock.instant(), Change.DELETED, Optional.empty()));
        });
        models.forget(id);
    }

    /** The compiled model of a template. */
    public Optional<DeviceModel> model(DeviceTemplate template) {
        return models.of(template);
    }

    /** The template and model of a device, when it is assigned to one that exists. */
    public Optional<TemplateModel> of(Device device) {
        return device.template().flatMap(store::find)
                .flatMap(t -> models.of(t).map(m -> new TemplateModel(t, m)));
    }

    /**
     * Publishes the model {@code modelId} from the local model folder as a template with that id;
     * empty when no folder is configured or it has no such model. Invalid models are refused.
     */
    public Optional<DeviceTemplate> importFromRepository(String modelId) {
        Optional<ModelDocument> document = repository.flatMap(r -> r.find(modelId));
        if (document.isEmpty()) {
            return Optional.empty();
        }
        JsonNode json = org.opencentral.core.Json.parse(document.get().json());
        if (!(json instanceof ObjectNode model)) {
            return Optional.empty();
        }
        try {
            return Optional.of(publish(modelId, new TemplateDraft(DeviceTemplate.DEFAULT_TYPES, Optional.empty(),
                    Optional.empty(), Optional.of(model))));
        } catch (DomainException e) {
            if (e.code() == ErrorCode.CONFLICT) {
                return store.find(modelId);
            }
            throw e;
        }
    }

    /** Resolves references against published templates, then the model folder. */
    ModelSource source() {
        ModelSource templates = dtmi -> store.findByModelId(dtmi).or(() -> store.find(dtmi))
                .map(t -> new ModelDocument("template:" + t.id(), t.capabilityModel().toString()));
        return repository.<ModelSource>map(templates::orElse).orElse(templates);
    }

    private TemplateCompiler.Compiled.Valid compile(ObjectNode model, String pointer) {
        return switch (TemplateCompiler.compile(model, source(), pointer)) {
            case TemplateCompiler.Compiled.Valid valid -> valid;
            case TemplateCompiler.Compiled.Invalid invalid -> throw new ModelInvalidException(
                    "the capability model is not valid DTDL (" + invalid.problems().size() + " problems)",
                    invalid.problems());
        };
    }

    private DeviceTemplate update(DeviceTemplate current, TemplateDraft draft, ObjectNode model,
            Optional<String> ifMatch) {
        String expected = ifMatch.orElse(current.etag());
        if (!expected.equals(current.etag()) && !"*".equals(expected)) {
            throw new DomainException(ErrorCode.PRECONDITION_FAILED,
                    "the device template was changed since etag " + expected);
        }
        DeviceTemplate next = current.withEnvelope(draft.displayName().orElse(current.displayName()),
                draft.description().or(current::description), model, newEtag());
        DeviceTemplate updated = stored(() -> store.update(next, current.etag()), Change.UPDATED);
        models.forget(current.id());
        return updated;
    }

    /** Stores a template with its {@code change} event (with the etag as stored) in one transaction. */
    private DeviceTemplate stored(Supplier<DeviceTemplate> write, Change change) {
        return outbox.write(events -> {
            DeviceTemplate template = write.get();
            events.record(new TemplateLifecycle(template.id(), clock.instant(), change, Optional.of(template.etag())));
            return template;
        });
    }

    /** Quoted, like device etags. */
    private static String newEtag() {
        return "\"" + java.util.UUID.randomUUID() + "\"";
    }

    private static String defaultName(ObjectNode model, String id) {
        JsonNode name = model.path("displayName");
        if (name.isTextual()) {
            return name.asText();
        }
        if (name.path("en").isTextual()) {
            return name.get("en").asText();
        }
        return id;
    }
}
