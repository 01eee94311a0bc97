package dev.shabdam.gateway.personas;

import dev.shabdam.gateway.security.Tenant;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;

@RestController
@RequestMapping("/voice/personas")
class PersonaController {
    private final Personas personas;

    PersonaController(Personas personas) {
        this.personas = personas;
    }

    @Operation(summary = "Create a persona: a name for a voice and its controls, usable as a generation's voiceId")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Persona> create(Tenant tenant, @RequestBody PersonaRequest request) {
        Persona persona = personas.create(tenant, request);
        return ResponseEntity.created(URI.create("/voice/personas/" + persona.personaId()))
                .body(persona);
    }

    @Operation(summary = "The personas of your API key's account, by name")
    @GetMapping
    List<Persona> list(Tenant tenant) {
        return personas.list(tenant);
    }

    @Operation(summary = "One persona")
    @GetMapping("/{personaId}")
    Persona get(Tenant tenant, @PathVariable String personaId) {
        return personas.get(tenant, personaId);
    }

    @Operation(summary = "Replace a persona's name, voice and controls")
    @PutMapping(path = "/{personaId}", consumes = MediaType.APPLICATION_JSON_VALUE)
    Persona replace(Tenant tenant, @PathVariable String personaId, @RequestBody PersonaRequest request) {
        return personas.replace(tenant, personaId, request);
    }

    @Operation(summary = "Delete a persona")
    @DeleteMapping("/{personaId}")
    ResponseEntity<Void> delete(Tenant tenant, @PathVariable String personaId) {
        personas.delete(tenant, personaId);
        return ResponseEntity.noContent().build();
    }
}
