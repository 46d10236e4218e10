package io.crosslist.tenancy.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.crosslist.tenancy.rules.SchemaSwitches.Reach;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** What counts as a schema switch, and what is only a read. */
class SchemaSwitchesTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
      "SET search_path TO user_1                         | SESSION     | SET search_path TO user_1",
      "set search_path=user_1                            | SESSION     | set search_path=user_1",
      "SET SESSION search_path TO user_1                 | SESSION     | SET SESSION search_path TO user_1",
      "SET LOCAL search_path TO user_1                   | TRANSACTION | SET LOCAL search_path TO user_1",
      "SET SCHEMA 'user_1'                               | SESSION     | SET SCHEMA 'user_1'",
      "set  local\\n  schema 'user_1'                     | TRANSACTION | set local schema 'user_1'",
      "Set Session Schema 'user_1'                       | SESSION     | Set Session Schema 'user_1'",
      "select set_config('search_path', 'user_1', false) | SESSION     | set_config('search_path', 'user_1', false)",
      "select set_config('search_path', ?, true)         | TRANSACTION | set_config('search_path', ?, true)",
      "select set_config(?, ?, false)                    | SESSION     | set_config(?, ?, false)",
      "jdbc:postgresql://db/shop?currentSchema=user_1&ssl=true | POOL  | currentSchema=user_1",
      "jdbc:postgresql://db/shop?options=-c%20search_path%3Duser_1 | POOL | search_path%3Duser_1",
      "options=-c search_path=user_1                     | POOL        | -c search_path=user_1",
      "ALTER ROLE shop IN DATABASE shop SET search_path = user_1 | POOL  | ALTER ROLE shop IN DATABASE shop SET search_path = user_1",
  })
  void a_switch_is_found_with_its_reach(String text, Reach reach, String statement) {
    List<SchemaSwitches.Match> found = SchemaSwitches.find(text.replace("\\n", "\n"));
    assertEquals(1, found.size(), found.toString());
    assertEquals(reach, found.get(0).reach());
    assertEquals(statement, found.get(0).statement());
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "SHOW search_path",
      "select current_setting('search_path')",
      "select current_schema(), current_schemas(true)",
      "select set_config('statement_timeout', '5s', false)",
      "update ${tenant}.products set schema = ? where id = ?",
      "RESET search_path",
      "the reset schema step",
      "currentSchema",
  })
  void a_read_or_an_unrelated_text_is_not_a_switch(String text) {
    assertEquals(List.of(), SchemaSwitches.find(text));
  }
}
