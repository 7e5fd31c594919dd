package dev.userlifecycle.command;

import dev.userlifecycle.events.BusinessRuleViolation;
import dev.userlifecycle.events.DeclareIncident;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Declares incidents, after checking that every affected user exists. Each check loads the user and holds its
 * lock until the declaration commits, which is why {@link DeclareIncident} bounds the number of users.
 */
class IncidentDeclarationHandler {

    private final Repository<User> users;
    private final Repository<Incident> incidents;

    IncidentDeclarationHandler(Repository<User> users, Repository<Incident> incidents) {
        this.users = users;
        this.incidents = incidents;
    }

    @CommandHandler
    String handle(DeclareIncident command) throws Exception {
        List<String> unknown = new ArrayList<>();
        // in sorted order, so that two declarations over the same users take their locks in the same order
        for (String userId : new TreeSet<>(command.affectedUserIds())) {
            if (Users.find(users, userId).isEmpty()) {
                unknown.add(userId);
            }
        }
        if (!unknown.isEmpty()) {
            throw new BusinessRuleViolation("affectedUserIds", "no users " + unknown);
        }
        incidents.loadOrCreate(command.incidentId(), Incident::new).execute(incident -> incident.declare(command));
        return command.incidentId();
    }
}
