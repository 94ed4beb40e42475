/** The XML examples printed in ../shared/specs/tjansteguiden-orders-1.0.md, verbatim. */

export const API_LOGIN = `<api_login>
  <response>
    <message>Peter Smith logged in</message>
    <hash_key>6a075bdba19b85170ae95666a240a2d1</hash_key>
  </response>
  <status>success</status>
</api_login>`;

export const CO_ORDERS = `<serviceguide>
  <response>
    <order>
      <id>19530</id>
      <type>order</type>
      <date>2015-10-06 11:48:00</date>
      <status>new</status>
      <service>2440</service>
      <xsp>31420</xsp>
      <delivery>2015-10-06 00:00:00</delivery>
      <customer>16745</customer>
    </order>
    <order>
      <id>19531</id> <type>order</type> <date>2015-10-06 11:48:00</date> <status>new</status>
      <service>2440</service> <xsp>31420</xsp> <delivery>asap</delivery> <customer>16746</customer>
    </order>
  </response>
</serviceguide>`;

export const CUSTOMER_INFO = `<customer_info>
  <response>
    <customer>
      <id>10573</id>
      <socket>KC0101A06</socket>
      <serial>19700101010101</serial>
      <firstname>Susanne</firstname>
      <surname>Testqvist</surname>
      <email>testqvist@epost.se</email>
      <address>Testgatan10b</address>
      <zip>64430</zip>
      <city>Torshälla</city>
    </customer>
    <data>
      <phone>0708530013</phone>
      <premise>1002</premise>
    </data>
  </response>
  <status>success</status>
</customer_info>`;

export const CUSTOMERS = `<customers>
  <response>
    <customer>
      <id>10573</id>
      <socket>KC0101A06</socket>
      <serial>19700101010101</serial>
      <firstname>Susanne</firstname>
      <surname>Testqvist</surname>
      <date>2018-01-01 12:34</date>
    </customer>
    <customer>
      <id>48962</id> <socket>CCTW0151B87</socket> <serial>190001010202</serial>
      <firstname>Anton</firstname> <surname>Testblom</surname> <date>2018-01-01 12:34</date>
    </customer>
  </response>
  <status>success</status>
</customers>`;

export const SET_STATUS = `<set_status>
  <response>
    <message>Status changed to delivered for order 1234</message>
  </response>
  <status>success</status>
</set_status>`;
