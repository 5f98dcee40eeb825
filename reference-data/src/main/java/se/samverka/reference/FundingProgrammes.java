package se.samverka.reference;

import java.util.List;
import java.util.Optional;

/**
 * The funding programmes projects draw on, as reference data: {@code samverka.funding-programmes.file}, or the
 * list shipped here (Interreg, Erasmus+, ICLD, the Nordic Council of Ministers, own budget, ...).
 */
public record FundingProgrammes(List<Programme> programmes) {

    public static final String DEFAULT_RESOURCE = "reference/funding-programmes.json";

    public FundingProgrammes {
        programmes = List.copyOf(programmes);
    }

    /** @param kind EU, NATIONAL, NORDIC, REGIONAL or OWN */
    public record Programme(String code, MunicipalStrategy.Name name, String kind) {
    }

    /** The programmes in the given file, or the shipped ones when the location is blank. */
    public static FundingProgrammes load(String file) {
        return ReferenceFiles.read(file, DEFAULT_RESOURCE, FundingProgrammes.class);
    }

    public Optional<Programme> programme(String code) {
        return programmes.stream().filter(programme -> programme.code().equals(code)).findFirst();
    }
}
