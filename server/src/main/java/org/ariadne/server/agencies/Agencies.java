package org.ariadne.server.agencies;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The member agencies. Every member may see the list: names and contacts are what deconfliction needs. */
@Service
public class Agencies {

    private final JdbcClient jdbc;

    Agencies(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long create(String country, String name, String contact) {
        return jdbc.sql("insert into agency (country, name, contact) values (?, ?, ?) returning id")
                .params(country, name, contact).query(Long.class).single();
    }

    public Optional<Agency> find(long id) {
        return jdbc.sql("select id, country, name, contact from agency where id = ?").param(id)
                .query(Agency.class).optional();
    }

    public Optional<Agency> findByName(String name) {
        return jdbc.sql("select id, country, name, contact from agency where name = ?").param(name)
                .query(Agency.class).optional();
    }

    public List<Agency> all() {
        return jdbc.sql("select id, country, name, contact from agency order by name").query(Agency.class).list();
    }
}
