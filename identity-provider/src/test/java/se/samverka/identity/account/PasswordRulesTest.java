package se.samverka.identity.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordRulesTest {

    @Test
    void aLongPhraseIsAllowed() {
        assertThat(PasswordRules.problem("en lång mening om Storsjön", "anna@ostersund.se", "anna@ostersund.se"))
                .isEmpty();
    }

    @Test
    void twelveCharactersAreTheLeastCountedAsCharactersNotBytes() {
        assertThat(PasswordRules.problem("kort lösen", "anna")).hasValue("password.too-short");
        assertThat(PasswordRules.problem("åäöåäöåäöåäx", "anna")).isEmpty();
        assertThat(PasswordRules.problem("a".repeat(PasswordRules.MAX_LENGTH) + "b", "anna")).hasValue("password.too-long");
    }

    @Test
    void thePersonsNamesAreNotPartOfIt() {
        assertThat(PasswordRules.problem("ANNA@OSTERSUND.SE!", "anna@ostersund.se", null)).hasValue("password.names-you");
        assertThat(PasswordRules.problem("annasson-2026-sommar", "annasson@ostersund.se", null))
                .as("the e-mail's name part").hasValue("password.names-you");
        assertThat(PasswordRules.problem("hemligt admin-lösen", "admin", null)).hasValue("password.names-you");
    }

    @Test
    void whatEverybodyTriesFirstIsRefused() {
        assertThat(PasswordRules.problem("Password1234", "anna")).hasValue("password.common");
        assertThat(PasswordRules.problem("Östersund2026", "anna")).hasValue("password.common");
        assertThat(PasswordRules.problem("zzzzzzzzzzzzzz", "anna")).hasValue("password.common");
    }
}
