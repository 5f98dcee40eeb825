package se.samverka.platform.messaging.personaldata;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The staff part of a person's access and erasure requests, which the gateway puts together with their account's. */
@RestController
@RequestMapping("/api/personal-data/staff")
class StaffPersonalDataController {

    private final StaffPersonalData personalData;

    StaffPersonalDataController(StaffPersonalData personalData) {
        this.personalData = personalData;
    }

    /** Access (GDPR art. 15): every history entry that names the person. Parameters are checked after access. */
    @GetMapping
    StaffExport export(@RequestParam(required = false) String subject, @RequestParam(required = false) String name) {
        return personalData.export(subject, name);
    }

    /** Erasure (GDPR art. 17): the person named by their role and organisation wherever a history names them. */
    @PostMapping("/erasure")
    StaffErased erase(@RequestBody StaffErasure erasure) {
        return personalData.erase(erasure);
    }
}
