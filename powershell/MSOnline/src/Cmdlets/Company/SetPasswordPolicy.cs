using System.Management.Automation;

namespace Microsoft.Online.Administration.Automation
{
    /// <summary>Set-MsolPasswordPolicy: a verified domain's password expiry and notice, both
    /// required as in MSOnline. -WhatIf says what it would change.</summary>
    [Cmdlet(VerbsCommon.Set, "MsolPasswordPolicy", SupportsShouldProcess = true)]
    public class SetPasswordPolicy : MsolCmdlet
    {
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(DomainNameCompleter))]
        public string DomainName { get; set; }

        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        public uint ValidityPeriod { get; set; }

        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        public uint NotificationDays { get; set; }

        protected override object Target()
        {
            return DomainName;
        }

        protected override void ProcessOne()
        {
            string validity = ValidityPeriod == int.MaxValue ? "never expire" : "expire after " + ValidityPeriod + " days";
            Change(BoundBody(), DomainName,
                "Set the password policy: passwords " + validity + ", users are told " + NotificationDays + " days before");
        }
    }
}
