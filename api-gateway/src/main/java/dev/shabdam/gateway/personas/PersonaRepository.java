package dev.shabdam.gateway.personas;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/** The {@code personas} table; every query is confined to one tenant. */
@Repository
public class PersonaRepository {
    private static final String COLUMNS =
            "persona_id, name, voice_id, language, emotion, speed, pitch, created_at, updated_at";

    private final JdbcClient jdbc;

    PersonaRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Throws {@link org.springframework.dao.DuplicateKeyException} when the tenant has a persona of that name. */
    void insert(String tenantId, Persona persona) {
        jdbc.sql(
                        "INSERT INTO personas (tenant_id, " + COLUMNS + ")"
                                + " VALUES (:tenant, :id, :name, :voiceId, :language, :emotion, :speed, :pitch, :createdAt, :updatedAt)")
                .paramSource(parameters(tenantId, persona))
                .update();
    }

    /** Replaces the persona's fields; false when the tenant has no such persona. */
    boolean update(String tenantId, Persona persona) {
        return jdbc.sql("""
                        UPDATE personas SET name = :name, voice_id = :voiceId, language = :language, emotion = :emotion,
                                            speed = :speed, pitch = :pitch, updated_at = :updatedAt
                        WHERE tenant_id = :tenant AND persona_id = :id""").paramSource(parameters(tenantId, persona)).update() == 1;
    }

    boolean delete(String tenantId, String personaId) {
        return jdbc.sql("DELETE FROM personas WHERE tenant_id = :tenant AND persona_id = :id")
                        .param("tenant", tenantId)
                        .param("id", personaId)
                        .update()
                == 1;
    }

    Optional<Persona> find(String tenantId, String personaId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM personas WHERE tenant_id = :tenant AND persona_id = :id")
                .param("tenant", tenantId)
                .param("id", personaId)
                .query(PersonaRepository::row)
                .optional();
    }

    /** The persona with this id, else the one with this name. */
    Optional<Persona> findByIdOrName(String tenantId, String reference) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM personas WHERE tenant_id = :tenant"
                        + " AND (persona_id = :reference OR name = :reference)"
                        + " ORDER BY persona_id = :reference DESC LIMIT 1")
                .param("tenant", tenantId)
                .param("reference", reference)
                .query(PersonaRepository::row)
                .optional();
    }

    List<Persona> list(String tenantId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM personas WHERE tenant_id = :tenant ORDER BY name")
                .param("tenant", tenantId)
                .query(PersonaRepository::row)
                .list();
    }

    private static MapSqlParameterSource parameters(String tenantId, Persona persona) {
        return new MapSqlParameterSource()
                .addValue("tenant", tenantId)
                .addValue("id", persona.personaId())
                .addValue("name", persona.name())
                .addValue("voiceId", persona.voiceId())
                .addValue("language", persona.language())
                .addValue("emotion", persona.emotion())
                .addValue("speed", persona.speed())
                .addValue("pitch", persona.pitch())
                .addValue("createdAt", timestamp(persona.createdAt()))
                .addValue("updatedAt", timestamp(persona.updatedAt()));
    }

    private static Persona row(ResultSet rs, int rowNum) throws SQLException {
        return new Persona(
                rs.getString("persona_id"),
                rs.getString("name"),
                rs.getString("voice_id"),
                rs.getString("language"),
                rs.getString("emotion"),
                rs.getDouble("speed"),
                rs.getDouble("pitch"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant());
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
