package se.samverka.reporting.report;

import java.util.Locale;
import java.util.Map;

/** Swedish words for the codes of the domain, as the reports and exports show them. */
public final class Labels {

    private static final Map<String, String> SWEDISH = Map.ofEntries(
            // project statuses
            Map.entry("IDEA", "Idé"), Map.entry("PRE_STUDY", "Förstudie"),
            Map.entry("APPLICATION_DRAFT", "Ansökan under arbete"), Map.entry("SUBMITTED", "Ansökan inlämnad"),
            Map.entry("APPROVED", "Beviljat"), Map.entry("REJECTED", "Avslaget"), Map.entry("WITHDRAWN", "Återtaget"),
            Map.entry("ONGOING", "Pågående"), Map.entry("SUSPENDED", "Vilande"),
            Map.entry("FINAL_REPORTED", "Slutrapporterat"), Map.entry("CLOSED", "Avslutat"),
            Map.entry("CANCELLED", "Avbrutet"),
            // partnership statuses
            Map.entry("EXPLORING", "Undersöks"), Map.entry("LETTER_OF_INTENT", "Avsiktsförklaring"),
            Map.entry("ACTIVE", "Aktivt"), Map.entry("DORMANT", "Inaktivt"), Map.entry("UNDER_REVIEW", "Under översyn"),
            Map.entry("ENDED", "Avslutat"),
            // agreements
            Map.entry("MEMORANDUM_OF_UNDERSTANDING", "Samförståndsavtal"), Map.entry("AGREEMENT", "Avtal"),
            // health
            Map.entry("ON_TRACK", "Enligt plan"), Map.entry("AT_RISK", "Risk"), Map.entry("OFF_TRACK", "Avviker"),
            // partnership types
            Map.entry("TWIN_CITY", "Vänort"), Map.entry("DEVELOPMENT_PARTNERSHIP", "Utvecklingspartnerskap"),
            Map.entry("REGIONAL_COOPERATION", "Regionalt samarbete"), Map.entry("NETWORK_MEMBERSHIP", "Nätverk"),
            Map.entry("BUSINESS_COOPERATION", "Näringslivssamarbete"),
            // activity types
            Map.entry("STUDY_VISIT", "studiebesök"), Map.entry("DELEGATION", "delegationsbesök"),
            Map.entry("CONFERENCE", "konferens"), Map.entry("EXCHANGE", "utbyte"),
            Map.entry("PROJECT_WORKSHOP", "projektverkstad"), Map.entry("MEETING_PLACE", "mötesplats"),
            // organisation types and sectors
            Map.entry("DEPARTMENT", "Förvaltning"), Map.entry("MUNICIPAL_COMPANY", "Kommunalt bolag"),
            Map.entry("MUNICIPALITY", "Kommun"), Map.entry("REGION", "Region"), Map.entry("COMPANY", "Företag"),
            Map.entry("SOCIAL_ECONOMY", "Idéburen sektor"), Map.entry("UNIVERSITY", "Universitet eller högskola"),
            Map.entry("NETWORK", "Nätverk"), Map.entry("GOVERNMENT_AGENCY", "Myndighet"),
            Map.entry("FOREIGN_CITY", "Utländsk kommun"), Map.entry("FOREIGN_REGION", "Utländsk region"),
            Map.entry("FOREIGN_ORGANISATION", "Utländsk organisation"), Map.entry("PRIVATE", "Privat sektor"),
            // the strategy's criteria of the priority assessment
            Map.entry("REGIONAL_ACTORS", "Flera regionala aktörer"),
            Map.entry("MUNICIPAL_OPERATIONS", "Flera kommunala verksamheter"),
            Map.entry("MUTUAL_INTEREST", "Ömsesidigt intresse"), Map.entry("CLEAR_RESULTS", "Tydliga resultat"),
            Map.entry("GROWTH_AREAS", "Tillväxtprogrammets insatsområden"),
            Map.entry("NONE", "Ej angivet"),
            // visibility
            Map.entry("INTERNAL", "Intern"), Map.entry("COUNTY", "Länet"), Map.entry("PUBLIC", "Öppen"),
            // partner roles
            Map.entry("LEAD", "huvudpartner"), Map.entry("PARTNER", "partner"), Map.entry("ASSOCIATED", "associerad partner"),
            Map.entry("FUNDER", "finansiär"));

    private Labels() {
    }

    /** The Swedish word for a code, or the code when there is none. */
    public static String sv(String code) {
        return code == null ? "" : SWEDISH.getOrDefault(code, code);
    }

    /** A code as English words: FINAL_REPORTED → final reported. */
    public static String en(String code) {
        return code == null ? "" : code.toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
