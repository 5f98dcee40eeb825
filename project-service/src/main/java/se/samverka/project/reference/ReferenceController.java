package se.samverka.project.reference;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import se.samverka.reference.FundingProgrammes;
import se.samverka.reference.MunicipalStrategy;

/** The reference data projects are described with, for forms and for clients that validate before they send. */
@RestController
class ReferenceController {

    /** The municipality's strategy (strategies, actions, growth areas) and the funding programmes. */
    record Reference(MunicipalStrategy strategy, FundingProgrammes fundingProgrammes) {
    }

    private final Reference reference;

    ReferenceController(MunicipalStrategy strategy, FundingProgrammes programmes) {
        this.reference = new Reference(strategy, programmes);
    }

    @GetMapping("/api/reference")
    Reference reference() {
        return reference;
    }
}
