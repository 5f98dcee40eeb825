package se.samverka.partnership.contracts;

import se.samverka.platform.test.ContractModuleTest;

class PartnershipContractsTest extends ContractModuleTest {

    PartnershipContractsTest() {
        super(new PartnershipContracts());
    }
}
