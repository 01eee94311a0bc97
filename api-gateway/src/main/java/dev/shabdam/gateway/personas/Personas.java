package dev.shabdam.gateway.personas;

import dev.shabdam.gateway.problems.ConflictException;
import dev.shabdam.gateway.problems.NotFoundException;
import dev.shabdam.gateway.security.Tenant;
import dev.shabdam.speech.SynthesisException;
import dev.shabdam.speech.VoiceIds;
import dev.shabdam.speech.prosody.Emotion;
import dev.shabdam.speech.prosody.Prosody;
import dev.shabdam.speech.text.Language;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A tenant's personas. Their controls are validated as a generation request's are (the synthesis
 * core's {@link Language}, {@link Emotion}, {@link Prosody} and {@link VoiceIds}), so a persona always makes a
 * valid request; a persona id that is not a {@link VoiceIds} name is {@code invalid_voice}.
 */
@Service
public class Personas {
    static final int MAX_NAME_LENGTH = 100;

    private final PersonaRepository repository;
    private final Clock clock = Clock.systemUTC();

    Personas(PersonaRepository repository) {
        this.repository = repository;
    }

    /** The tenant's persona whose id or name is {@code reference}, if any. */
    public Optional<Persona> resolve(Tenant tenant, String reference) {
        return repository.findByIdOrName(tenant.id(), reference);
    }

    /**
     * The voice id {@code reference} stands for: the voice of the tenant's persona of that id or name (null for
     * the language's default voice), else the reference itself, to be checked as a voice id.
     */
    public String voiceOf(Tenant tenant, String reference) {
        return resolve(tenant, reference).map(Persona::voiceId).orElse(reference);
    }

    Persona create(Tenant tenant, PersonaRequest request) {
        Instant now = now();
        Persona persona = validated(UUID.randomUUID().toString(), request, now, now);
        try {
            repository.insert(tenant.id(), persona);
        } catch (DuplicateKeyException e) {
            throw exists(persona);
        }
        return persona;
    }

    Persona replace(Tenant tenant, String personaId, PersonaRequest request) {
        Persona current = get(tenant, personaId);
        Persona persona = validated(personaId, request, current.createdAt(), now());
        try {
            if (!repository.update(tenant.id(), persona)) {
                throw notFound(personaId);
            }
        } catch (DuplicateKeyException e) {
            throw exists(persona);
        }
        return persona;
    }

    Persona get(Tenant tenant, String personaId) {
        return repository
                .find(tenant.id(), VoiceIds.requirePersonaId(personaId))
                .orElseThrow(() -> notFound(personaId));
    }

    List<Persona> list(Tenant tenant) {
        return repository.list(tenant.id());
    }

    void delete(Tenant tenant, String personaId) {
        if (!repository.delete(tenant.id(), VoiceIds.requirePersonaId(personaId))) {
            throw notFound(personaId);
        }
    }

    private static Persona validated(String personaId, PersonaRequest request, Instant createdAt, Instant updatedAt) {
        String name = request.name() == null ? "" : request.name().strip();
        if (name.isEmpty() || name.length() > MAX_NAME_LENGTH) {
            throw new SynthesisException(
                    SynthesisException.Code.INVALID_PARAMETER,
                    "name is required, at most " + MAX_NAME_LENGTH + " characters");
        }
        Language language = Language.fromCode(request.language() == null ? "ml" : request.language());
        Prosody prosody = new Prosody(
                request.speed() == null ? 1.0 : request.speed(),
                request.pitch() == null ? 0.0 : request.pitch(),
                Emotion.fromName(request.emotion()),
                1.0);
        String voiceId = request.voiceId() == null || request.voiceId().isBlank()
                ? null
                : VoiceIds.require(request.voiceId().strip());
        return new Persona(
                personaId,
                name,
                voiceId,
                language.code(),
                prosody.emotion().wireName(),
                prosody.speed(),
                prosody.pitchSemitones(),
                createdAt,
                updatedAt);
    }

    private static NotFoundException notFound(String personaId) {
        return new NotFoundException("persona_not_found", "There is no persona " + personaId + ".");
    }

    private static ConflictException exists(Persona persona) {
        return new ConflictException("persona_exists", "There is already a persona named '" + persona.name() + "'.");
    }

    /** PostgreSQL keeps microseconds; truncating here makes the answer equal what is read back later. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
